//! The stencil templates: every uop's machine code, written once as Cranelift IR.
//!
//! Owns what each stencil does. Hot simple uops (locals, constants, stack shuffles,
//! tag guards, small-int and float arithmetic and comparisons, branch guards) are
//! written out inline; when an inline fast path's assumption does not hold (a guard
//! fails, an int overflows, a float result is NaN, a local is unbound) the stencil
//! jumps to the uop's deopt stub, which calls the step helper to run the uop in the
//! tier-2 interpreter's machine — so every slow path, exit and error means exactly
//! what it means in tier 2. Uops with no inline form are the step call alone.
//!
//! Must never use a symbol outside `cpjit_bytecode::jit_abi`, nor embed constants
//! other than the value layout exported by `cpjit_runtime::value::bits` and the object
//! offsets exported by `cpjit_runtime::layout::jit`.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::types::{F64, I64};
use cranelift_codegen::ir::{
    AbiParam, ExtFuncData, ExternalName, FuncRef, Function, GlobalValue, GlobalValueData,
    InstBuilder, MemFlagsData, Signature, UserExternalName, Value,
};
use cranelift_codegen::isa::{CallConv, TargetIsa};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};

use cpjit_bytecode::jit_abi::{
    BinaryOpStencil, Helper, HoleValue, SpecializedStencil, EXIT_SLOT_COLD, FRAME_PLAN_CODE,
    FRAME_PLAN_EXTRA_LOCALS, GLOBAL_SLOT_BUILTINS_VERSION, GLOBAL_SLOT_GLOBALS_VERSION,
    GLOBAL_SLOT_SEEN_BUILTINS_VERSION, GLOBAL_SLOT_SEEN_GLOBALS_VERSION, GLOBAL_SLOT_VALUE,
    MAX_PENDING_FRAMES, PENDING_CALLEE_FRAME, PENDING_CALLER_FRAME, PENDING_FRAME_SIZE,
    PENDING_PLAN, STATE_EXIT_TARGET, STATE_FRAME, STATE_FRAME_COUNT, STATE_GC_PRESSURE,
    STATE_JUMP_TARGET, STATE_LAST_IP, STATE_PENDING_COUNT, STATE_PENDING_FRAMES,
    STATE_RECURSION_LIMIT, STATE_STACK_LIMIT, STATE_STACK_POINTER, STATUS_EXIT, STATUS_JUMP,
    STATUS_LEAVE,
};
use cpjit_bytecode::uops::Uop;
use cpjit_runtime::layout::jit;
use cpjit_runtime::value::bits;

/// What a stencil is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StencilKind {
    /// The code for one uop.
    Uop(Uop),
    /// Any uop run through the step helper (used for every guard in the deopt stress
    /// modes, where the helper decides which executions fail).
    Step,
    /// SystemV → `tail` entry: calls the first uop, returns its status to Rust.
    Entry,
    /// Where a `Continue` hole points when no uop can follow (after a terminator).
    Fatal,
    /// The trace's deopt stencil: `(frame, stack_pointer, state, uop_index)`, runs
    /// the uop through the step helper and goes where the helper says.
    Deopt,
    /// One per uop with an inline fast path: jumps straight to the side trace in its
    /// exit slot (the operand) once one is attached, else passes the uop's index to
    /// `Deopt`.
    ExitTrampoline,
    /// The same for the branch guards, whose exit pops the condition first.
    ExitTrampolinePop,
    /// `_BINARY_OP` with only one operator family's inline path.
    BinaryOp(BinaryOpStencil),
    /// A `_RUN_SPECIALIZED` form with a fast path of its own.
    Specialized(SpecializedStencil),
}

impl StencilKind {
    pub fn name(self) -> &'static str {
        match self {
            StencilKind::Uop(u) => u.name(),
            StencilKind::Step => "_STEP",
            StencilKind::Entry => "_ENTRY",
            StencilKind::Fatal => "_FATAL",
            StencilKind::Deopt => "_DEOPT",
            StencilKind::ExitTrampoline => "_EXIT_TRAMPOLINE",
            StencilKind::ExitTrampolinePop => "_EXIT_TRAMPOLINE_POP",
            StencilKind::BinaryOp(variant) => variant.name(),
            StencilKind::Specialized(form) => form.name(),
        }
    }
}

/// Symbols a template refers to: `declare` turns a hole value into the index the
/// object writer names it by.
pub trait Symbols {
    fn function_index(&mut self, hole: HoleValue, signature: &Signature) -> u32;
    fn data_index(&mut self, hole: HoleValue) -> u32;
}

/// The uop stencil signature: `(frame, stack_pointer, state) -> status`, `tail`.
pub fn uop_signature() -> Signature {
    let mut sig = Signature::new(CallConv::Tail);
    sig.params.extend([AbiParam::new(I64); 3]);
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// The deopt stencil's signature: a uop stencil's plus the uop index.
pub fn deopt_signature() -> Signature {
    let mut sig = uop_signature();
    sig.params.push(AbiParam::new(I64));
    sig
}

/// The entry signature: the same arguments in the platform's C convention.
pub fn entry_signature(isa: &dyn TargetIsa) -> Signature {
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params.extend([AbiParam::new(I64); 3]);
    sig.returns.push(AbiParam::new(I64));
    sig
}

/// A helper's signature (C convention): its arity in 64-bit words, one word back.
fn helper_signature(isa: &dyn TargetIsa, helper: Helper) -> Signature {
    let mut sig = Signature::new(isa.default_call_conv());
    sig.params
        .extend(std::iter::repeat_n(AbiParam::new(I64), helper.arity()));
    sig.returns.push(AbiParam::new(I64));
    sig
}

const SLOT: i64 = 8;

/// Builds the body of one stencil into `func`.
pub fn build(
    kind: StencilKind,
    isa: &dyn TargetIsa,
    func: &mut Function,
    symbols: &mut dyn Symbols,
) {
    let mut fb_ctx = FunctionBuilderContext::new();
    let mut fb = FunctionBuilder::new(func, &mut fb_ctx);
    let entry = fb.create_block();
    fb.append_block_params_for_function_params(entry);
    fb.switch_to_block(entry);
    let params = fb.block_params(entry).to_vec();
    let mut t = Template {
        isa,
        symbols,
        frame: params[0],
        sp: params[1],
        state: params[2],
        fb,
    };
    match kind {
        StencilKind::Entry => t.entry(),
        StencilKind::Fatal => {
            t.fb.ins()
                .trap(cranelift_codegen::ir::TrapCode::unwrap_user(1));
        }
        StencilKind::Step => t.step_then_continue(),
        StencilKind::Uop(uop) => t.uop(uop),
        StencilKind::Deopt => t.deopt(params[3]),
        StencilKind::ExitTrampoline => t.exit_trampoline(false),
        StencilKind::ExitTrampolinePop => t.exit_trampoline(true),
        StencilKind::BinaryOp(variant) => t.binary_op(Some(variant)),
        StencilKind::Specialized(form) => t.specialized(form),
    }
    t.fb.seal_all_blocks();
    t.fb.finalize(isa.frontend_config());
}

struct Template<'a, 'f> {
    isa: &'a dyn TargetIsa,
    symbols: &'a mut dyn Symbols,
    frame: Value,
    sp: Value,
    state: Value,
    fb: FunctionBuilder<'f>,
}

fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl Template<'_, '_> {
    fn import_function(&mut self, hole: HoleValue, signature: Signature) -> FuncRef {
        let index = self.symbols.function_index(hole, &signature);
        let func = &mut self.fb.func;
        let name = func.declare_imported_user_function(UserExternalName::new(0, index));
        let signature = func.import_signature(signature);
        // Colocated: reached by a rel32 `jmp`/`call` that the patcher fills (through a
        // thunk when a helper is out of range).
        self.fb.import_function(ExtFuncData {
            name: ExternalName::user(name),
            signature,
            colocated: true,
            patchable: false,
        })
    }

    fn symbol_value(&mut self, hole: HoleValue) -> Value {
        let index = self.symbols.data_index(hole);
        let name = self
            .fb
            .func
            .declare_imported_user_function(UserExternalName::new(1, index));
        // Not colocated: the value is the symbol's 64-bit absolute address.
        let gv: GlobalValue = self.fb.create_global_value(GlobalValueData::Symbol {
            name: ExternalName::user(name),
            offset: 0.into(),
            colocated: false,
            tls: false,
        });
        self.fb.ins().symbol_value(I64, gv)
    }

    /// Tail-calls the next uop.
    fn continue_with(&mut self, frame: Value, sp: Value) {
        let state = self.state;
        self.continue_with_state(frame, sp, state);
    }

    /// Calls the step helper (or `helper`, one with its contract) for uop `index` of
    /// the trace this code belongs to and returns its status.
    fn call_step(&mut self, index: Value) -> Value {
        self.call_step_helper(Helper::Step, index)
    }

    fn call_step_helper(&mut self, step: Helper, index: Value) -> Value {
        let helper =
            self.import_function(HoleValue::Helper(step), helper_signature(self.isa, step));
        let executor = self.symbol_value(HoleValue::Executor);
        let (frame, sp, state) = (self.frame, self.sp, self.state);
        let call = self
            .fb
            .ins()
            .call(helper, &[frame, sp, state, index, executor]);
        self.fb.inst_results(call)[0]
    }

    /// Runs this uop through the step helper; continues with the frame and stack
    /// pointer it left in the state block, jumps into the compiled trace a side exit
    /// was stitched to, or returns its status when it says leave.
    fn step_then_continue(&mut self) {
        self.step_helper_then_continue(Helper::Step)
    }

    /// [`Self::step_then_continue`] through `step`, a helper with the step contract.
    fn step_helper_then_continue(&mut self, step: Helper) {
        let index = self.symbol_value(HoleValue::UopIndex);
        let status = self.call_step_helper(step, index);
        let state = self.state;
        let not_continue = self.fb.create_block();
        let leave = self.fb.create_block();
        let jump = self.fb.create_block();
        let go_on = self.fb.create_block();
        self.fb.set_cold_block(not_continue);
        self.fb.set_cold_block(leave);
        self.fb.set_cold_block(jump);
        self.fb.ins().brif(status, not_continue, &[], go_on, &[]);
        self.fb.switch_to_block(not_continue);
        let is_jump = self
            .fb
            .ins()
            .icmp_imm_s(IntCC::Equal, status, STATUS_JUMP as i64);
        self.fb.ins().brif(is_jump, jump, &[], leave, &[]);
        self.fb.switch_to_block(leave);
        self.fb.ins().return_(&[status]);
        self.fb.switch_to_block(jump);
        self.jump_to_state_target();
        self.fb.switch_to_block(go_on);
        let (frame, sp) = self.reload_frame_and_stack_pointer();
        self.continue_with_state(frame, sp, state);
    }

    /// Tail-calls the next uop (`continue_with` for a frame and stack pointer that
    /// were reloaded from the state block).
    fn continue_with_state(&mut self, frame: Value, sp: Value, state: Value) {
        let next = self.import_function(HoleValue::Continue, uop_signature());
        self.fb.ins().return_call(next, &[frame, sp, state]);
    }

    /// An exit trampoline: a side trace attached to this exit (its first uop's address
    /// in the slot the operand points at) is entered directly — for a branch guard,
    /// after popping the condition, which must be a bool — else the deopt stencil
    /// runs the uop.
    fn exit_trampoline(&mut self, pops: bool) {
        let slot = self.symbol_value(HoleValue::Operand);
        let target = self.fb.ins().load(I64, flags(), slot, 0);
        let attached = self.fb.ins().icmp_imm_s(IntCC::NotEqual, target, 0);
        let go = if pops {
            let condition = self.slot(-1);
            let either = self.fb.ins().bor_imm_s(condition, 1);
            let is_bool = self.compare_word(IntCC::Equal, either, bits::TRUE);
            self.both(attached, is_bool)
        } else {
            attached
        };
        let direct = self.fb.create_block();
        let deopt_block = self.fb.create_block();
        self.fb.ins().brif(go, direct, &[], deopt_block, &[]);
        self.fb.switch_to_block(deopt_block);
        let deopt = self.import_function(HoleValue::Deopt, deopt_signature());
        let index = self.symbol_value(HoleValue::UopIndex);
        let (frame, sp, state) = (self.frame, self.sp, self.state);
        self.fb.ins().return_call(deopt, &[frame, sp, state, index]);
        self.fb.switch_to_block(direct);
        let sp = if pops { self.sp_plus(-1) } else { self.sp };
        let signature = self.fb.import_signature(uop_signature());
        self.fb
            .ins()
            .return_call_indirect(signature, target, &[frame, sp, state]);
    }

    /// The deopt stencil: the step helper runs uop `index`; then on to the address it
    /// left in the state block (the next uop, or a stitched trace), or leave.
    fn deopt(&mut self, index: Value) {
        let status = self.call_step(index);
        let leave = self.fb.create_block();
        let go_on = self.fb.create_block();
        self.fb.set_cold_block(leave);
        let leaving = self
            .fb
            .ins()
            .icmp_imm_s(IntCC::Equal, status, STATUS_LEAVE as i64);
        self.fb.ins().brif(leaving, leave, &[], go_on, &[]);
        self.fb.switch_to_block(leave);
        self.fb.ins().return_(&[status]);
        self.fb.switch_to_block(go_on);
        self.jump_to_state_target();
    }

    /// Tail-calls the code at the state block's jump target with the frame and stack
    /// pointer the helper left there.
    fn jump_to_state_target(&mut self) {
        let state = self.state;
        let (frame, sp) = self.reload_frame_and_stack_pointer();
        let target = self.fb.ins().load(I64, flags(), state, STATE_JUMP_TARGET);
        let signature = self.fb.import_signature(uop_signature());
        self.fb
            .ins()
            .return_call_indirect(signature, target, &[frame, sp, state]);
    }

    fn reload_frame_and_stack_pointer(&mut self) -> (Value, Value) {
        let state = self.state;
        let frame = self.fb.ins().load(I64, flags(), state, STATE_FRAME);
        let sp = self.fb.ins().load(I64, flags(), state, STATE_STACK_POINTER);
        (frame, sp)
    }

    /// Calls a fast helper (see `jit_abi::Helper`) and returns its result word.
    fn call_helper(&mut self, helper: Helper, args: &[Value]) -> Value {
        assert_eq!(args.len(), helper.arity(), "{helper:?} arguments");
        let callee = self.import_function(
            HoleValue::Helper(helper),
            helper_signature(self.isa, helper),
        );
        let call = self.fb.ins().call(callee, args);
        self.fb.inst_results(call)[0]
    }

    /// Jumps to the uop's deopt stub (the step helper, out of line) unless `ok`;
    /// leaves the builder in the fast path. The fast path is laid out last, so its
    /// final continue jump can be dropped, and it makes no calls, so it needs no frame.
    fn fast_path_if(&mut self, ok: Value) {
        let slow = self.fb.create_block();
        let fast = self.fb.create_block();
        self.fb.ins().brif(ok, fast, &[], slow, &[]);
        self.fb.switch_to_block(slow);
        let exit = self.import_function(HoleValue::Exit, uop_signature());
        let (frame, sp, state) = (self.frame, self.sp, self.state);
        self.fb.ins().return_call(exit, &[frame, sp, state]);
        self.fb.switch_to_block(fast);
    }

    fn entry(&mut self) {
        let first = self.import_function(HoleValue::Continue, uop_signature());
        let (frame, sp, state) = (self.frame, self.sp, self.state);
        let call = self.fb.ins().call(first, &[frame, sp, state]);
        let status = self.fb.inst_results(call)[0];
        self.fb.ins().return_(&[status]);
    }

    fn slot(&mut self, offset_slots: i64) -> Value {
        let sp = self.sp;
        self.fb
            .ins()
            .load(I64, flags(), sp, (offset_slots * SLOT) as i32)
    }

    fn sp_plus(&mut self, slots: i64) -> Value {
        let sp = self.sp;
        self.fb.ins().iadd_imm_s(sp, slots * SLOT)
    }

    fn tag_is(&mut self, v: Value, tag: u64) -> Value {
        let t = self.fb.ins().ushr_imm_s(v, i64::from(bits::TAG_SHIFT));
        self.fb.ins().icmp_imm_s(IntCC::Equal, t, tag as i64)
    }

    /// `v == word` (or `!=`) for a value word: tag in the top 16 bits, a small payload
    /// below. Compared rotated left by 16 so the constant fits an instruction's 32-bit
    /// immediate (a 64-bit one would become a load from a constant pool in the
    /// stencil, costing alignment and the dropped continue jump).
    fn compare_word(&mut self, cc: IntCC, v: Value, word: u64) -> Value {
        let rotated_word = word.rotate_left(16);
        assert!(
            i32::try_from(rotated_word).is_ok(),
            "{word:#x} does not fit an immediate when rotated"
        );
        let rotated = self.fb.ins().rotl_imm_s(v, 16);
        self.fb.ins().icmp_imm_s(cc, rotated, rotated_word as i64)
    }

    fn is_float(&mut self, v: Value) -> Value {
        let t = self.fb.ins().ushr_imm_s(v, i64::from(bits::TAG_SHIFT));
        self.fb
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, t, bits::TAG_INT as i64)
    }

    /// The signed payload of a small int.
    fn unbox_int(&mut self, v: Value) -> Value {
        let shift = i64::from(64 - bits::TAG_SHIFT);
        let up = self.fb.ins().ishl_imm_s(v, shift);
        self.fb.ins().sshr_imm_s(up, shift)
    }

    /// Whether `i` fits the small-int payload.
    fn fits_small(&mut self, i: Value) -> Value {
        let again = self.unbox_int(i);
        self.fb.ins().icmp(IntCC::Equal, again, i)
    }

    /// Boxes a payload known to fit: the payload shifted up, the tag put in the low
    /// 16 bits, rotated into place (no 64-bit constant, so no constant pool).
    fn box_int(&mut self, i: Value) -> Value {
        let shift = i64::from(64 - bits::TAG_SHIFT);
        let up = self.fb.ins().ishl_imm_s(i, shift);
        let tagged = self.fb.ins().bor_imm_s(up, bits::TAG_INT as i64);
        self.fb.ins().rotr_imm_s(tagged, shift)
    }

    /// `state + PENDING_FRAME_SIZE * index`: add the record's field offsets (and
    /// `STATE_PENDING_FRAMES`) to address a field of pending frame `index`.
    fn pending_record(&mut self, index: Value) -> Value {
        const _: () = assert!(PENDING_FRAME_SIZE == 32, "records are addressed by a shift");
        let offset = self.fb.ins().ishl_imm_s(index, 5);
        let state = self.state;
        self.fb.ins().iadd(state, offset)
    }

    fn push_frame(&mut self) {
        let state = self.state;
        let (frame, sp) = (self.frame, self.sp);
        let plan = self.symbol_value(HoleValue::Operand);
        let callee_frame = self.slot_from_oparg();
        let callable = self.load_field(callee_frame, -2 * SLOT as i32);
        let function = self.object_of_kind(callable, jit::KIND_TAG_FUNCTION);
        let boxed = self.load_field(function, jit::FUNCTION_BOX);
        let code = self.load_field(boxed, jit::FUNCTION_CODE);
        let expected = self.load_field(plan, FRAME_PLAN_CODE);
        let runs_traced_code = self.fb.ins().icmp(IntCC::Equal, code, expected);
        let pending = self.load_field(state, STATE_PENDING_COUNT);
        let record_free =
            self.fb
                .ins()
                .icmp_imm_s(IntCC::UnsignedLessThan, pending, MAX_PENDING_FRAMES as i64);
        let frames = self.load_field(state, STATE_FRAME_COUNT);
        let frames = self.fb.ins().iadd(frames, pending);
        let limit = self.load_field(state, STATE_RECURSION_LIMIT);
        let below_limit = self.fb.ins().icmp(IntCC::UnsignedLessThan, frames, limit);
        let extra = self.load_field(plan, FRAME_PLAN_EXTRA_LOCALS);
        let extra_bytes = self.fb.ins().imul_imm_s(extra, SLOT);
        let new_sp = self.fb.ins().iadd(sp, extra_bytes);
        let stack_limit = self.load_field(state, STATE_STACK_LIMIT);
        let stack_room = self
            .fb
            .ins()
            .icmp(IntCC::UnsignedLessThanOrEqual, new_sp, stack_limit);
        let ok = self.both(runs_traced_code, record_free);
        let ok = self.both(ok, below_limit);
        let ok = self.both(ok, stack_room);
        self.fast_path_if(ok);
        let record = self.pending_record(pending);
        self.store_field(frame, record, STATE_PENDING_FRAMES + PENDING_CALLER_FRAME);
        self.store_field(
            callee_frame,
            record,
            STATE_PENDING_FRAMES + PENDING_CALLEE_FRAME,
        );
        self.store_field(plan, record, STATE_PENDING_FRAMES + PENDING_PLAN);
        let count = self.fb.ins().iadd_imm_s(pending, 1);
        self.store_field(count, state, STATE_PENDING_COUNT);
        // Unbound locals past the arguments: NULL from the old top to the new one.
        let header = self.fb.create_block();
        let body = self.fb.create_block();
        let done = self.fb.create_block();
        self.fb.append_block_param(header, I64);
        self.fb.ins().jump(header, &[sp.into()]);
        self.fb.switch_to_block(header);
        let slot = self.fb.block_params(header)[0];
        let more = self.fb.ins().icmp(IntCC::UnsignedLessThan, slot, new_sp);
        self.fb.ins().brif(more, body, &[], done, &[]);
        self.fb.switch_to_block(body);
        let null = self.fb.ins().iconst(I64, bits::NULL as i64);
        self.store_field(null, slot, 0);
        let next = self.fb.ins().iadd_imm_s(slot, SLOT);
        self.fb.ins().jump(header, &[next.into()]);
        self.fb.switch_to_block(done);
        self.continue_with(callee_frame, new_sp);
    }

    /// A `_RUN_SPECIALIZED` form's fast path.
    fn specialized(&mut self, form: SpecializedStencil) {
        match form {
            // The unpack helper writes the items over the sequence's slot and up,
            // when the stack has room for them (else the slow path grows it).
            SpecializedStencil::UnpackTuple | SpecializedStencil::UnpackList => {
                let state = self.state;
                let count = self.symbol_value(HoleValue::Oparg);
                let sequence = self.slot(-1);
                let destination = self.sp_plus(-1);
                let bytes = self.fb.ins().imul_imm_s(count, SLOT);
                let new_sp = self.fb.ins().iadd(destination, bytes);
                let stack_limit = self.load_field(state, STATE_STACK_LIMIT);
                let room = self
                    .fb
                    .ins()
                    .icmp(IntCC::UnsignedLessThanOrEqual, new_sp, stack_limit);
                self.fast_path_if(room);
                let is_list = i64::from(form == SpecializedStencil::UnpackList);
                let is_list = self.fb.ins().iconst(I64, is_list);
                let unpacked =
                    self.call_helper(Helper::Unpack, &[sequence, destination, count, is_list]);
                self.fast_path_if(unpacked);
                let frame = self.frame;
                self.continue_with(frame, new_sp);
            }
            SpecializedStencil::CallLen => {
                let (argument, _) = self.call_of_operand(false);
                let length = self.call_helper(Helper::Len, &[argument]);
                let got = self.compare_word(IntCC::NotEqual, length, bits::NULL);
                self.fast_path_if(got);
                self.finish_one_argument_call(length);
            }
            SpecializedStencil::CallListAppend => {
                let (item, list) = self.call_of_operand(true);
                let appended = self.call_helper(Helper::ListAppend, &[list, item]);
                self.fast_path_if(appended);
                let none = self.fb.ins().iconst(I64, bits::NONE as i64);
                self.finish_one_argument_call(none);
            }
            SpecializedStencil::LoadAttrInstance | SpecializedStencil::StoreAttrInstance => {
                let helper = if form == SpecializedStencil::LoadAttrInstance {
                    Helper::LoadAttrInstance
                } else {
                    Helper::StoreAttrInstance
                };
                let record = self.symbol_value(HoleValue::Operand);
                let (sp, state) = (self.sp, self.state);
                let new_sp = self.call_helper(helper, &[sp, state, record]);
                let hit = self.fb.ins().icmp_imm_s(IntCC::NotEqual, new_sp, 0);
                self.fast_path_if(hit);
                let frame = self.frame;
                self.continue_with(frame, new_sp);
            }
            SpecializedStencil::ContainsDict | SpecializedStencil::ContainsSet => {
                let (item, container) = (self.slot(-2), self.slot(-1));
                let invert = self.symbol_value(HoleValue::Oparg);
                let invert = self.fb.ins().band_imm_s(invert, 1);
                let invert = self.fb.ins().ishl_imm_s(invert, 1);
                let is_set = i64::from(form == SpecializedStencil::ContainsSet);
                let flags = self.fb.ins().bor_imm_s(invert, is_set);
                let result = self.call_helper(Helper::Contains, &[container, item, flags]);
                let got = self.compare_word(IntCC::NotEqual, result, bits::NULL);
                self.fast_path_if(got);
                self.replace_two_with(result);
            }
            // `float(x)`: a float is itself; a small int converts exactly.
            SpecializedStencil::CallFloat => {
                let (argument, _) = self.call_of_operand(false);
                let is_float = self.is_float(argument);
                let is_int = self.tag_is(argument, bits::TAG_INT);
                let number = self.fb.ins().bor(is_float, is_int);
                self.fast_path_if(number);
                let double = self.as_double(argument, is_float);
                let word = self.fb.ins().bitcast(I64, MemFlagsData::new(), double);
                self.finish_one_argument_call(word);
            }
        }
    }

    /// For a one-argument call (`[callable, self_or_null, argument]` on top): falls to
    /// the slow path unless the callable is the operand (the builtin the site was
    /// specialized for) and `self_or_null` is NULL (`with_self`: not NULL); returns
    /// the argument and `self_or_null`.
    fn call_of_operand(&mut self, with_self: bool) -> (Value, Value) {
        let expected = self.symbol_value(HoleValue::Operand);
        let (callable, self_or_null, argument) = (self.slot(-3), self.slot(-2), self.slot(-1));
        let same = self.fb.ins().icmp(IntCC::Equal, callable, expected);
        let cc = if with_self {
            IntCC::NotEqual
        } else {
            IntCC::Equal
        };
        let self_ok = self.compare_word(cc, self_or_null, bits::NULL);
        let ok = self.both(same, self_ok);
        self.fast_path_if(ok);
        (argument, self_or_null)
    }

    /// Stores a call's result over its callable and pops the rest (one argument).
    fn finish_one_argument_call(&mut self, result: Value) {
        let sp = self.sp;
        self.store_field(result, sp, -3 * SLOT as i32);
        let sp = self.sp_plus(-2);
        let frame = self.frame;
        self.continue_with(frame, sp);
    }

    /// Whether the dict version at the address in `slot + address_offset` is the one
    /// recorded at `slot + seen_offset`.
    fn version_unchanged(&mut self, slot: Value, address_offset: i32, seen_offset: i32) -> Value {
        let address = self.load_field(slot, address_offset);
        let version = self.load_field(address, 0);
        let seen = self.load_field(slot, seen_offset);
        self.fb.ins().icmp(IntCC::Equal, version, seen)
    }

    /// Whether the heap's allocation debt is past its threshold (a collection is due
    /// at the next safepoint).
    fn gc_due(&mut self) -> Value {
        let state = self.state;
        let pressure = self.load_field(state, STATE_GC_PRESSURE);
        let debt = self.load_field(pressure, jit::GC_DEBT);
        let threshold = self.load_field(pressure, jit::GC_THRESHOLD);
        self.fb
            .ins()
            .icmp(IntCC::UnsignedGreaterThan, debt, threshold)
    }

    /// A back edge's safepoint: the helper (which may collect; the value stack does
    /// not move) only when a collection is due.
    fn safepoint(&mut self) {
        let due = self.gc_due();
        let collect = self.fb.create_block();
        let done = self.fb.create_block();
        self.fb.set_cold_block(collect);
        self.fb.ins().brif(due, collect, &[], done, &[]);
        self.fb.switch_to_block(collect);
        let (frame, sp, state) = (self.frame, self.sp, self.state);
        self.call_helper(Helper::Safepoint, &[frame, sp, state]);
        self.fb.ins().jump(done, &[]);
        self.fb.switch_to_block(done);
    }

    /// Pushes `v` and continues.
    fn push(&mut self, v: Value) {
        let sp = self.sp;
        self.fb.ins().store(flags(), v, sp, 0);
        let sp = self.sp_plus(1);
        let frame = self.frame;
        self.continue_with(frame, sp);
    }

    /// The object address in a value word known to be a heap pointer: the word with
    /// its tag cleared. Rotated, the tag is the low 16 bits and can be cleared with a
    /// 32-bit immediate (Cranelift would turn a pair of shifts into a 48-bit mask,
    /// which needs a constant pool).
    fn object_address(&mut self, v: Value) -> Value {
        let rotated = self.fb.ins().rotl_imm_s(v, 16);
        let untagged = self.fb.ins().bxor_imm_s(rotated, bits::TAG_OBJECT as i64);
        self.fb.ins().ushr_imm_s(untagged, 16)
    }

    fn load_field(&mut self, address: Value, offset: i32) -> Value {
        self.fb.ins().load(I64, flags(), address, offset)
    }

    fn store_field(&mut self, v: Value, address: Value, offset: i32) {
        self.fb.ins().store(flags(), v, address, offset);
    }

    /// `byte == expected` for the byte at `address + offset`.
    fn byte_is(&mut self, address: Value, offset: i32, expected: u8) -> Value {
        let byte = self.fb.ins().uload8(I64, flags(), address, offset);
        self.fb
            .ins()
            .icmp_imm_s(IntCC::Equal, byte, i64::from(expected))
    }

    /// Falls to the slow path unless `v` is a heap object of kind `kind_tag`; returns
    /// its address. Every offset the inline paths read is inside the smallest object,
    /// so the kind can be checked together with the fields that follow it.
    fn object_of_kind(&mut self, v: Value, kind_tag: u8) -> Value {
        let is_object = self.tag_is(v, bits::TAG_OBJECT);
        self.fast_path_if(is_object);
        let address = self.object_address(v);
        let is_kind = self.byte_is(address, jit::KIND, kind_tag);
        self.fast_path_if(is_kind);
        address
    }

    /// Falls to the slow path unless `iterator` is a builtin iterator in the
    /// `state_tag` state whose cell is not borrowed; returns its address.
    fn iterator_in_state(&mut self, iterator: Value, state_tag: u8) -> Value {
        let is_object = self.tag_is(iterator, bits::TAG_OBJECT);
        self.fast_path_if(is_object);
        let address = self.object_address(iterator);
        let is_iterator = self.byte_is(address, jit::KIND, jit::KIND_TAG_ITERATOR);
        let in_state = self.byte_is(address, jit::ITER_STATE_TAG, state_tag);
        let borrow = self.load_field(address, jit::ITER_BORROW);
        let free = self.fb.ins().icmp_imm_s(IntCC::Equal, borrow, 0);
        let ok = self.both(is_iterator, in_state);
        let ok = self.both(ok, free);
        self.fast_path_if(ok);
        address
    }

    /// For the list iterator at `iterator` (checked): falls to the slow path unless
    /// its list's items are current (not exclusively borrowed) and `index` is below
    /// their number; returns the list's address. A list iterator's list is always a
    /// list (`IterState::List`), so its kind is not checked again.
    fn iterated_list_position(&mut self, iterator: Value, index: Value) -> Value {
        let list = self.load_field(iterator, jit::LIST_ITER_LIST);
        let address = self.object_address(list);
        let borrow = self.load_field(address, jit::LIST_BORROW);
        let readable = self
            .fb
            .ins()
            .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, borrow, 0);
        let len = self.load_field(address, jit::LIST_LEN);
        let left = self.fb.ins().icmp(IntCC::UnsignedLessThan, index, len);
        let ok = self.both(readable, left);
        self.fast_path_if(ok);
        address
    }

    /// For `list[index]`: falls to the slow path unless `list` is a list (for a
    /// store, not borrowed at all) and `index` a small int in range, counting a
    /// negative one from the end; returns the list's address and the position.
    fn list_position(&mut self, list: Value, index: Value, for_store: bool) -> (Value, Value) {
        let is_int = self.tag_is(index, bits::TAG_INT);
        self.fast_path_if(is_int);
        let address = self.object_of_kind(list, jit::KIND_TAG_LIST);
        let borrow = self.load_field(address, jit::LIST_BORROW);
        let allowed = if for_store {
            self.fb.ins().icmp_imm_s(IntCC::Equal, borrow, 0)
        } else {
            self.fb
                .ins()
                .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, borrow, 0)
        };
        let len = self.load_field(address, jit::LIST_LEN);
        let i = self.unbox_int(index);
        let negative = self.fb.ins().icmp_imm_s(IntCC::SignedLessThan, i, 0);
        let from_end = self.fb.ins().iadd(i, len);
        let position = self.fb.ins().select(negative, from_end, i);
        let in_range = self.fb.ins().icmp(IntCC::UnsignedLessThan, position, len);
        let ok = self.both(allowed, in_range);
        self.fast_path_if(ok);
        (address, position)
    }

    /// The address of the item at `position` (in range) of the list at `address`.
    fn list_slot(&mut self, address: Value, position: Value) -> Value {
        let items = self.load_field(address, jit::LIST_ITEMS);
        let offset = self.fb.ins().imul_imm_s(position, SLOT);
        self.fb.ins().iadd(items, offset)
    }

    /// The item at `position` (in range) of the list at `address`.
    fn list_item_at(&mut self, address: Value, position: Value) -> Value {
        let slot = self.list_slot(address, position);
        self.fb.ins().load(I64, flags(), slot, 0)
    }

    /// `True` or `False` from a condition: `False` is `True` with the low bit clear, so
    /// the word is built from the condition bit (rotated, as in `box_int`).
    fn bool_value(&mut self, cond: Value) -> Value {
        let bit = self.fb.ins().uextend(I64, cond);
        let shifted = self.fb.ins().ishl_imm_s(bit, 16);
        let false_rotated = bits::FALSE.rotate_left(16);
        let word = self.fb.ins().bor_imm_s(shifted, false_rotated as i64);
        self.fb.ins().rotr_imm_s(word, 16)
    }

    fn both(&mut self, a: Value, b: Value) -> Value {
        self.fb.ins().band(a, b)
    }

    /// `(frame + 8 * oparg)`: the address of local `oparg`.
    fn local_address(&mut self) -> Value {
        let oparg = self.symbol_value(HoleValue::Oparg);
        let offset = self.fb.ins().imul_imm_s(oparg, SLOT);
        let frame = self.frame;
        self.fb.ins().iadd(frame, offset)
    }

    /// `(sp - 8 * oparg)`.
    fn slot_from_oparg(&mut self) -> Value {
        let oparg = self.symbol_value(HoleValue::Oparg);
        let offset = self.fb.ins().imul_imm_s(oparg, SLOT);
        let sp = self.sp;
        self.fb.ins().isub(sp, offset)
    }

    /// Stores `v` over the second item and pops one: the shape of every binary op.
    fn replace_two_with(&mut self, v: Value) {
        let sp = self.sp;
        self.fb.ins().store(flags(), v, sp, -2 * SLOT as i32);
        let sp = self.sp_plus(-1);
        let frame = self.frame;
        self.continue_with(frame, sp);
    }

    /// `/` (and `/=`) on two numbers that are small ints or floats, inline: each
    /// converted to a double (exact: small ints have 48 bits, as CPython's own fast
    /// path for ints that fit a double's mantissa), divided once. A zero divisor
    /// (ZeroDivisionError), a NaN result (a fresh NaN) or any other operand goes to
    /// `helper_path`; any other operation to `other_ops`.
    /// `a op b` for `+`, `-` or `*` (`oparg`, when given, is tested for `op` or its
    /// in-place form; else the stencil is `op`'s): two small ints with an overflow
    /// check, or two numbers of which one is a float, both converted to doubles
    /// (exactly). An overflow, a NaN result (a fresh NaN) or any other operand goes to
    /// `helper_path`; any other operation to `other_ops`.
    fn arithmetic(
        &mut self,
        op: cpjit_bytecode::BinaryOpArg,
        a: Value,
        b: Value,
        oparg: Option<Value>,
        helper_path: cranelift_codegen::ir::Block,
        other_ops: cranelift_codegen::ir::Block,
    ) {
        use cpjit_bytecode::BinaryOpArg as B;
        let this = self.fb.create_block();
        match oparg {
            Some(oparg) => {
                let matches = self.is_operator(oparg, op);
                self.fb.ins().brif(matches, this, &[], other_ops, &[]);
            }
            None => {
                self.fb.ins().jump(this, &[]);
            }
        }
        self.fb.switch_to_block(this);
        let int_path = self.fb.create_block();
        let number_path = self.fb.create_block();
        let (a_int, b_int) = (self.tag_is(a, bits::TAG_INT), self.tag_is(b, bits::TAG_INT));
        let ints = self.both(a_int, b_int);
        self.fb.ins().brif(ints, int_path, &[], number_path, &[]);

        self.fb.switch_to_block(int_path);
        let (x, y) = (self.unbox_int(a), self.unbox_int(b));
        let (result, fits) = self.small_int_arithmetic(op, x, y);
        let store_int = self.fb.create_block();
        self.fb.ins().brif(fits, store_int, &[], helper_path, &[]);
        self.fb.switch_to_block(store_int);
        let boxed = self.box_int(result);
        self.replace_two_with(boxed);

        self.fb.switch_to_block(number_path);
        let (x, y) = self.both_as_doubles(a, b, a_int, b_int, helper_path);
        let r = match op {
            B::Add => self.fb.ins().fadd(x, y),
            B::Subtract => self.fb.ins().fsub(x, y),
            _ => self.fb.ins().fmul(x, y),
        };
        let store_float = self.fb.create_block();
        let ordered = self.fb.ins().fcmp(FloatCC::Ordered, r, r);
        self.fb
            .ins()
            .brif(ordered, store_float, &[], helper_path, &[]);
        self.fb.switch_to_block(store_float);
        let word = self.fb.ins().bitcast(I64, MemFlagsData::new(), r);
        self.replace_two_with(word);
    }

    /// Both operands as doubles when each is a float or a small int (`a_int`,
    /// `b_int`: their int tag tests; ints convert exactly); anything else goes to
    /// `helper_path`. Leaves the builder in the converting block.
    fn both_as_doubles(
        &mut self,
        a: Value,
        b: Value,
        a_int: Value,
        b_int: Value,
        helper_path: cranelift_codegen::ir::Block,
    ) -> (Value, Value) {
        let convert = self.fb.create_block();
        let (a_float, b_float) = (self.is_float(a), self.is_float(b));
        let a_number = self.fb.ins().bor(a_float, a_int);
        let b_number = self.fb.ins().bor(b_float, b_int);
        let numbers = self.both(a_number, b_number);
        self.fb.ins().brif(numbers, convert, &[], helper_path, &[]);
        self.fb.switch_to_block(convert);
        let x = self.as_double(a, a_float);
        let y = self.as_double(b, b_float);
        (x, y)
    }

    fn true_divide(
        &mut self,
        a: Value,
        b: Value,
        oparg: Option<Value>,
        helper_path: cranelift_codegen::ir::Block,
        other_ops: cranelift_codegen::ir::Block,
    ) {
        use cpjit_bytecode::BinaryOpArg as B;
        let divide = self.fb.create_block();
        let nonzero = self.fb.create_block();
        let store = self.fb.create_block();
        match oparg {
            // The reference stencil tests the argument; a variant knows it divides.
            Some(oparg) => {
                let matches = self.is_operator(oparg, B::TrueDivide);
                self.fb.ins().brif(matches, divide, &[], other_ops, &[]);
            }
            None => {
                self.fb.ins().jump(divide, &[]);
            }
        }

        self.fb.switch_to_block(divide);
        let (a_int, b_int) = (self.tag_is(a, bits::TAG_INT), self.tag_is(b, bits::TAG_INT));
        let (x, y) = self.both_as_doubles(a, b, a_int, b_int, helper_path);
        // ±0.0 tested on the bits (sign shifted out): a float constant would put a
        // constant pool in the stencil.
        let y_bits = self.fb.ins().bitcast(I64, MemFlagsData::new(), y);
        let magnitude = self.fb.ins().ishl_imm_s(y_bits, 1);
        let divisor_nonzero = self.fb.ins().icmp_imm_s(IntCC::NotEqual, magnitude, 0);
        self.fb
            .ins()
            .brif(divisor_nonzero, nonzero, &[], helper_path, &[]);

        self.fb.switch_to_block(nonzero);
        let quotient = self.fb.ins().fdiv(x, y);
        let ordered = self.fb.ins().fcmp(FloatCC::Ordered, quotient, quotient);
        self.fb.ins().brif(ordered, store, &[], helper_path, &[]);

        self.fb.switch_to_block(store);
        let word = self.fb.ins().bitcast(I64, MemFlagsData::new(), quotient);
        self.replace_two_with(word);
    }

    /// A float or small int (`is_float` says which) as a double.
    fn as_double(&mut self, v: Value, is_float: Value) -> Value {
        let as_float = self.fb.ins().bitcast(F64, MemFlagsData::new(), v);
        let payload = self.unbox_int(v);
        let converted = self.fb.ins().fcvt_from_sint(F64, payload);
        self.fb.ins().select(is_float, as_float, converted)
    }

    /// Generic `BINARY_OP`: `&`, `|`, `^`, `%`, `//` and `>>` on two small ints and
    /// `/` on small ints and floats inline (the argument is a patched constant, so the
    /// dispatch on it is perfectly predicted); anything else, or what these cannot
    /// finish (a zero divisor, a negative shift, a quotient out of range), through the
    /// shared number fast path and then the deopt path. With a `variant`, only that
    /// operator family's inline path (the patcher chose the variant by the argument,
    /// so it needs no test of the argument).
    fn binary_op(&mut self, variant: Option<BinaryOpStencil>) {
        use cpjit_bytecode::BinaryOpArg as B;
        let (a, b) = (self.slot(-2), self.slot(-1));
        let oparg = self.symbol_value(HoleValue::Oparg);
        let helper_path = self.fb.create_block();
        let divides = matches!(variant, None | Some(BinaryOpStencil::TrueDivide));
        let int_ops: Vec<B> = match variant {
            None => BinaryOpStencil::ALL
                .iter()
                .filter_map(|v| v.small_int_operator())
                .collect(),
            Some(variant) => variant.small_int_operator().into_iter().collect(),
        };
        let tested = if variant.is_none() { Some(oparg) } else { None };
        let arithmetic_ops: Vec<B> = match variant {
            None => BinaryOpStencil::ALL
                .iter()
                .filter_map(|v| v.arithmetic_operator())
                .collect(),
            Some(variant) => variant.arithmetic_operator().into_iter().collect(),
        };
        for op in arithmetic_ops {
            let other_ops = self.fb.create_block();
            self.arithmetic(op, a, b, tested, helper_path, other_ops);
            self.fb.switch_to_block(other_ops);
        }
        if divides {
            let other_ops = self.fb.create_block();
            self.true_divide(a, b, tested, helper_path, other_ops);
            self.fb.switch_to_block(other_ops);
        }
        if int_ops.is_empty() {
            self.fb.ins().jump(helper_path, &[]);
        } else {
            let int_path = self.fb.create_block();
            let (ta, tb) = (self.tag_is(a, bits::TAG_INT), self.tag_is(b, bits::TAG_INT));
            let ints = self.both(ta, tb);
            self.fb.ins().brif(ints, int_path, &[], helper_path, &[]);
            self.fb.switch_to_block(int_path);
            let (x, y) = (self.unbox_int(a), self.unbox_int(b));
            for op in int_ops {
                let this = self.fb.create_block();
                let next = self.fb.create_block();
                if variant.is_some() {
                    self.fb.ins().jump(this, &[]);
                } else {
                    let matches = self.is_operator(oparg, op);
                    self.fb.ins().brif(matches, this, &[], next, &[]);
                }
                self.fb.switch_to_block(this);
                let result = self.small_int_op(op, x, y, helper_path);
                let boxed = self.box_int(result);
                self.replace_two_with(boxed);
                self.fb.switch_to_block(next);
            }
            self.fb.ins().jump(helper_path, &[]);
        }
        self.fb.switch_to_block(helper_path);
        let result = self.call_helper(Helper::NumberBinary, &[a, b, oparg]);
        let got = self.compare_word(IntCC::NotEqual, result, bits::NULL);
        self.fast_path_if(got);
        self.replace_two_with(result);
    }

    /// Whether `oparg` is `op` or its in-place form.
    fn is_operator(&mut self, oparg: Value, op: cpjit_bytecode::BinaryOpArg) -> Value {
        use cpjit_bytecode::BinaryOpArg as B;
        let inplace = B::from_arg(op as u32 + 13).filter(|i| i.base() == op);
        let inplace = inplace.expect("in-place forms follow the binary ones by 13");
        let is_op = self.fb.ins().icmp_imm_s(IntCC::Equal, oparg, op as i64);
        let is_inplace = self
            .fb
            .ins()
            .icmp_imm_s(IntCC::Equal, oparg, inplace as i64);
        self.fb.ins().bor(is_op, is_inplace)
    }

    /// `x + y`, `x - y` or `x * y` (`op`) for two small-int payloads, and whether the
    /// result fits the payload (48-bit operands: a product needs up to 96 bits, so
    /// its high half must be the sign of the low half as well).
    fn small_int_arithmetic(
        &mut self,
        op: cpjit_bytecode::BinaryOpArg,
        x: Value,
        y: Value,
    ) -> (Value, Value) {
        use cpjit_bytecode::BinaryOpArg as B;
        let (result, no_wrap) = match op {
            B::Add => (self.fb.ins().iadd(x, y), None),
            B::Subtract => (self.fb.ins().isub(x, y), None),
            _ => {
                let low = self.fb.ins().imul(x, y);
                let high = self.fb.ins().smulhi(x, y);
                let sign = self.fb.ins().sshr_imm_s(low, 63);
                (low, Some(self.fb.ins().icmp(IntCC::Equal, high, sign)))
            }
        };
        let fits = self.fits_small(result);
        let fits = match no_wrap {
            Some(no_wrap) => self.both(fits, no_wrap),
            None => fits,
        };
        (result, fits)
    }

    /// `x op y` for two small-int payloads and one of `&`, `|`, `^`, `%`, `//`, `>>`;
    /// what it cannot finish (a zero divisor, a negative shift, a quotient out of
    /// range) branches to `helper_path`.
    fn small_int_op(
        &mut self,
        op: cpjit_bytecode::BinaryOpArg,
        x: Value,
        y: Value,
        helper_path: cranelift_codegen::ir::Block,
    ) -> Value {
        use cpjit_bytecode::BinaryOpArg as B;
        match op {
            B::And => self.fb.ins().band(x, y),
            B::Or => self.fb.ins().bor(x, y),
            B::Xor => self.fb.ins().bxor(x, y),
            B::Rshift => {
                let negative = self.fb.ins().icmp_imm_s(IntCC::SignedLessThan, y, 0);
                let shift_block = self.fb.create_block();
                self.fb
                    .ins()
                    .brif(negative, helper_path, &[], shift_block, &[]);
                self.fb.switch_to_block(shift_block);
                // Past 63 bits only the sign is left, as `sar 63` leaves it.
                let max = self.fb.ins().iconst(I64, 63);
                let shift = self.fb.ins().smin(y, max);
                self.fb.ins().sshr(x, shift)
            }
            _ => {
                // `%` and `//` round towards negative infinity (Python), not zero.
                let divide_block = self.fb.create_block();
                self.fb.ins().brif(y, divide_block, &[], helper_path, &[]);
                self.fb.switch_to_block(divide_block);
                let quotient = self.fb.ins().sdiv(x, y);
                let remainder = self.fb.ins().srem(x, y);
                let inexact = self.fb.ins().icmp_imm_s(IntCC::NotEqual, remainder, 0);
                let signs = self.fb.ins().bxor(remainder, y);
                let differ = self.fb.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                let adjust = self.fb.ins().band(inexact, differ);
                if op == B::Remainder {
                    let adjusted = self.fb.ins().iadd(remainder, y);
                    self.fb.ins().select(adjust, adjusted, remainder)
                } else {
                    let adjusted = self.fb.ins().iadd_imm_s(quotient, -1);
                    let floor = self.fb.ins().select(adjust, adjusted, quotient);
                    // -2**47 // -1 does not fit the payload.
                    let fits = self.fits_small(floor);
                    let box_block = self.fb.create_block();
                    self.fb.ins().brif(fits, box_block, &[], helper_path, &[]);
                    self.fb.switch_to_block(box_block);
                    floor
                }
            }
        }
    }

    fn uop(&mut self, uop: Uop) {
        use Uop::*;
        let frame = self.frame;
        match uop {
            _START_EXECUTOR | _NOP => {
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _CHECK_VALIDITY => {
                let flag_address = self.symbol_value(HoleValue::Operand);
                let valid = self.fb.ins().uload8(I64, flags(), flag_address, 0);
                self.fast_path_if(valid);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _SET_IP => {
                let ip = self.symbol_value(HoleValue::Oparg);
                let state = self.state;
                self.fb.ins().store(flags(), ip, state, STATE_LAST_IP);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            // The safepoint (the stack does not move), then back to the first uop.
            // When a collection is due, the slow path runs the uop in the tier-2
            // machine, which collects and goes back to the top.
            _JUMP_TO_TOP => {
                let (sp, state) = (self.sp, self.state);
                let over = self.gc_due();
                let not_due = self.fb.ins().bxor_imm_s(over, 1);
                self.fast_path_if(not_due);
                let top = self.import_function(HoleValue::JumpTarget, uop_signature());
                self.fb.ins().return_call(top, &[frame, sp, state]);
            }
            _LOAD_FAST => {
                let address = self.local_address();
                let v = self.fb.ins().load(I64, flags(), address, 0);
                let bound = self.compare_word(IntCC::NotEqual, v, bits::NULL);
                self.fast_path_if(bound);
                self.push(v);
            }
            _LOAD_CONST => {
                let v = self.symbol_value(HoleValue::Operand);
                self.push(v);
            }
            _STORE_FAST => {
                let v = self.slot(-1);
                let address = self.local_address();
                self.fb.ins().store(flags(), v, address, 0);
                let sp = self.sp_plus(-1);
                self.continue_with(frame, sp);
            }
            _POP_TOP => {
                let sp = self.sp_plus(-1);
                self.continue_with(frame, sp);
            }
            _COPY => {
                let address = self.slot_from_oparg();
                let v = self.fb.ins().load(I64, flags(), address, 0);
                self.push(v);
            }
            _SWAP => {
                let address = self.slot_from_oparg();
                let deep = self.fb.ins().load(I64, flags(), address, 0);
                let top = self.slot(-1);
                self.fb.ins().store(flags(), top, address, 0);
                let sp = self.sp;
                self.fb.ins().store(flags(), deep, sp, -SLOT as i32);
                self.continue_with(frame, sp);
            }
            _GUARD_BOTH_INT | _GUARD_BOTH_FLOAT => {
                let (a, b) = (self.slot(-2), self.slot(-1));
                let ok = if uop == _GUARD_BOTH_INT {
                    let (ta, tb) = (self.tag_is(a, bits::TAG_INT), self.tag_is(b, bits::TAG_INT));
                    self.both(ta, tb)
                } else {
                    let (fa, fb) = (self.is_float(a), self.is_float(b));
                    self.both(fa, fb)
                };
                self.fast_path_if(ok);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _BINARY_OP_ADD_INT | _BINARY_OP_SUBTRACT_INT | _BINARY_OP_MULTIPLY_INT => {
                let (a, b) = (self.slot(-2), self.slot(-1));
                let (ta, tb) = (self.tag_is(a, bits::TAG_INT), self.tag_is(b, bits::TAG_INT));
                let ints = self.both(ta, tb);
                let (ia, ib) = (self.unbox_int(a), self.unbox_int(b));
                let op = match uop {
                    _BINARY_OP_ADD_INT => cpjit_bytecode::BinaryOpArg::Add,
                    _BINARY_OP_SUBTRACT_INT => cpjit_bytecode::BinaryOpArg::Subtract,
                    _ => cpjit_bytecode::BinaryOpArg::Multiply,
                };
                let (result, fits) = self.small_int_arithmetic(op, ia, ib);
                let ok = self.both(ints, fits);
                self.fast_path_if(ok);
                let boxed = self.box_int(result);
                self.replace_two_with(boxed);
            }
            _BINARY_OP_ADD_FLOAT | _BINARY_OP_SUBTRACT_FLOAT | _BINARY_OP_MULTIPLY_FLOAT => {
                let (a, b) = (self.slot(-2), self.slot(-1));
                let (fa, fb) = (self.is_float(a), self.is_float(b));
                let floats = self.both(fa, fb);
                let x = self.fb.ins().bitcast(F64, MemFlagsData::new(), a);
                let y = self.fb.ins().bitcast(F64, MemFlagsData::new(), b);
                let r = match uop {
                    _BINARY_OP_ADD_FLOAT => self.fb.ins().fadd(x, y),
                    _BINARY_OP_SUBTRACT_FLOAT => self.fb.ins().fsub(x, y),
                    _ => self.fb.ins().fmul(x, y),
                };
                // A NaN result needs a fresh NaN payload: the slow path makes it.
                let ordered = self.fb.ins().fcmp(FloatCC::Ordered, r, r);
                let ok = self.both(floats, ordered);
                self.fast_path_if(ok);
                let bits_value = self.fb.ins().bitcast(I64, MemFlagsData::new(), r);
                self.replace_two_with(bits_value);
            }
            _COMPARE_OP_INT | _COMPARE_OP_FLOAT => {
                let (a, b) = (self.slot(-2), self.slot(-1));
                // CPython's COMPARISON_BIT: 1 << (2 * (a >= b) + (a <= b)), tested
                // against the mask in the argument's low four bits.
                let (ok, ge, le) = if uop == _COMPARE_OP_INT {
                    let (ta, tb) = (self.tag_is(a, bits::TAG_INT), self.tag_is(b, bits::TAG_INT));
                    let ok = self.both(ta, tb);
                    let (ia, ib) = (self.unbox_int(a), self.unbox_int(b));
                    let ge = self.fb.ins().icmp(IntCC::SignedGreaterThanOrEqual, ia, ib);
                    let le = self.fb.ins().icmp(IntCC::SignedLessThanOrEqual, ia, ib);
                    (ok, ge, le)
                } else {
                    let (fa, fb) = (self.is_float(a), self.is_float(b));
                    let ok = self.both(fa, fb);
                    let x = self.fb.ins().bitcast(F64, MemFlagsData::new(), a);
                    let y = self.fb.ins().bitcast(F64, MemFlagsData::new(), b);
                    let ge = self.fb.ins().fcmp(FloatCC::GreaterThanOrEqual, x, y);
                    let le = self.fb.ins().fcmp(FloatCC::LessThanOrEqual, x, y);
                    (ok, ge, le)
                };
                self.fast_path_if(ok);
                let ge = self.fb.ins().uextend(I64, ge);
                let le = self.fb.ins().uextend(I64, le);
                let twice_ge = self.fb.ins().ishl_imm_s(ge, 1);
                let shift = self.fb.ins().iadd(twice_ge, le);
                let one = self.fb.ins().iconst(I64, 1);
                let bit = self.fb.ins().ishl(one, shift);
                let oparg = self.symbol_value(HoleValue::Oparg);
                let hit = self.fb.ins().band(bit, oparg);
                let truth = self.fb.ins().icmp_imm_s(IntCC::NotEqual, hit, 0);
                let result = self.bool_value(truth);
                self.replace_two_with(result);
            }
            _GUARD_TOS_BOOL => {
                let v = self.slot(-1);
                let either = self.fb.ins().bor_imm_s(v, 1);
                let ok = self.compare_word(IntCC::Equal, either, bits::TRUE);
                self.fast_path_if(ok);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _TO_BOOL_INT => {
                let v = self.slot(-1);
                let ok = self.tag_is(v, bits::TAG_INT);
                self.fast_path_if(ok);
                let zero = bits::TAG_INT << bits::TAG_SHIFT;
                let nonzero = self.compare_word(IntCC::NotEqual, v, zero);
                let result = self.bool_value(nonzero);
                let sp = self.sp;
                self.fb.ins().store(flags(), result, sp, -SLOT as i32);
                self.continue_with(frame, sp);
            }
            _GUARD_IS_TRUE_POP | _GUARD_IS_FALSE_POP => {
                let v = self.slot(-1);
                let expected = if uop == _GUARD_IS_TRUE_POP {
                    bits::TRUE
                } else {
                    bits::FALSE
                };
                // Anything else (the other bool, or a non-bool) is the slow path's.
                let ok = self.compare_word(IntCC::Equal, v, expected);
                self.fast_path_if(ok);
                let sp = self.sp_plus(-1);
                self.continue_with(frame, sp);
            }
            _IS_OP => {
                let (a, b) = (self.slot(-2), self.slot(-1));
                let same = self.fb.ins().icmp(IntCC::Equal, a, b);
                let same = self.fb.ins().uextend(I64, same);
                let invert = self.symbol_value(HoleValue::Oparg);
                let truth = self.fb.ins().bxor(same, invert);
                let truth = self.fb.ins().icmp_imm_s(IntCC::NotEqual, truth, 0);
                let result = self.bool_value(truth);
                self.replace_two_with(result);
            }
            // Range and list iteration read and write the iterator (and the list) in
            // place, at the offsets `layout::jit` exports; anything unexpected (another
            // iterator, a borrowed cell, a range value past the small-int range) is the
            // slow path's.
            _ITER_CHECK_RANGE | _ITER_CHECK_LIST => {
                let iterator = self.slot(-1);
                let state = if uop == _ITER_CHECK_RANGE {
                    jit::ITER_TAG_RANGE
                } else {
                    jit::ITER_TAG_LIST
                };
                self.iterator_in_state(iterator, state);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _GUARD_NOT_EXHAUSTED_RANGE => {
                let iterator = self.slot(-1);
                let address = self.iterator_in_state(iterator, jit::ITER_TAG_RANGE);
                let remaining = self.load_field(address, jit::RANGE_REMAINING);
                let left = self
                    .fb
                    .ins()
                    .icmp_imm_s(IntCC::SignedGreaterThan, remaining, 0);
                self.fast_path_if(left);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _GUARD_NOT_EXHAUSTED_LIST => {
                let iterator = self.slot(-1);
                let address = self.iterator_in_state(iterator, jit::ITER_TAG_LIST);
                let index = self.load_field(address, jit::LIST_ITER_INDEX);
                self.iterated_list_position(address, index);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            _ITER_NEXT_RANGE => {
                let iterator = self.slot(-1);
                let address = self.iterator_in_state(iterator, jit::ITER_TAG_RANGE);
                let next = self.load_field(address, jit::RANGE_NEXT);
                let fits = self.fits_small(next);
                self.fast_path_if(fits);
                let remaining = self.load_field(address, jit::RANGE_REMAINING);
                let step = self.load_field(address, jit::RANGE_STEP);
                let remaining = self.fb.ins().iadd_imm_s(remaining, -1);
                let after = self.fb.ins().iadd(next, step);
                self.store_field(remaining, address, jit::RANGE_REMAINING);
                self.store_field(after, address, jit::RANGE_NEXT);
                let item = self.box_int(next);
                self.push(item);
            }
            _ITER_NEXT_LIST => {
                let iterator = self.slot(-1);
                let address = self.iterator_in_state(iterator, jit::ITER_TAG_LIST);
                let index = self.load_field(address, jit::LIST_ITER_INDEX);
                let list = self.iterated_list_position(address, index);
                let item = self.list_item_at(list, index);
                let after = self.fb.ins().iadd_imm_s(index, 1);
                self.store_field(after, address, jit::LIST_ITER_INDEX);
                self.push(item);
            }
            // The callable under the arguments is the traced function, with no `self`
            // beside it (the operand is the function's value word).
            _CHECK_FUNCTION => {
                let arguments = self.slot_from_oparg();
                let callable = self
                    .fb
                    .ins()
                    .load(I64, flags(), arguments, -2 * SLOT as i32);
                let self_or_null = self.fb.ins().load(I64, flags(), arguments, -SLOT as i32);
                let expected = self.symbol_value(HoleValue::Operand);
                let same = self.fb.ins().icmp(IntCC::Equal, callable, expected);
                let no_self = self.compare_word(IntCC::Equal, self_or_null, bits::NULL);
                let ok = self.both(same, no_self);
                self.fast_path_if(ok);
                let sp = self.sp;
                self.continue_with(frame, sp);
            }
            // `list[i]` and `list[i] = v` in place for a small int in range (negative
            // counts from the end); else the slow path's (IndexError, a list borrowed
            // by Rust code).
            _BINARY_SUBSCR_LIST_INT => {
                let (list, index) = (self.slot(-2), self.slot(-1));
                let (address, position) = self.list_position(list, index, false);
                let item = self.list_item_at(address, position);
                self.replace_two_with(item);
            }
            _STORE_SUBSCR_LIST_INT => {
                let (value, list, index) = (self.slot(-3), self.slot(-2), self.slot(-1));
                let (address, position) = self.list_position(list, index, true);
                let slot = self.list_slot(address, position);
                self.fb.ins().store(flags(), value, slot, 0);
                let sp = self.sp_plus(-3);
                self.continue_with(frame, sp);
            }
            // The comprehension's list is `oparg` slots under the item.
            _LIST_APPEND => {
                let item = self.slot(-1);
                let under = self.slot_from_oparg();
                let list = self.fb.ins().load(I64, flags(), under, -SLOT as i32);
                let appended = self.call_helper(Helper::ListAppend, &[list, item]);
                self.fast_path_if(appended);
                let sp = self.sp_plus(-1);
                self.continue_with(frame, sp);
            }
            // Small ints and floats: the shared fast operation, else the generic path.
            _BINARY_OP => self.binary_op(None),
            // The operand is the JIT's record of the global (see `jit_abi`): its value,
            // while the namespaces are unchanged since it was read; `oparg & 1`
            // pushes NULL too.
            _LOAD_GLOBAL_MODULE | _LOAD_GLOBAL_BUILTINS => {
                let slot = self.symbol_value(HoleValue::Operand);
                let mut unchanged = self.version_unchanged(
                    slot,
                    GLOBAL_SLOT_GLOBALS_VERSION,
                    GLOBAL_SLOT_SEEN_GLOBALS_VERSION,
                );
                if uop == _LOAD_GLOBAL_BUILTINS {
                    let builtins_unchanged = self.version_unchanged(
                        slot,
                        GLOBAL_SLOT_BUILTINS_VERSION,
                        GLOBAL_SLOT_SEEN_BUILTINS_VERSION,
                    );
                    unchanged = self.both(unchanged, builtins_unchanged);
                }
                self.fast_path_if(unchanged);
                let value = self.load_field(slot, GLOBAL_SLOT_VALUE);
                let sp = self.sp;
                self.fb.ins().store(flags(), value, sp, 0);
                // Stored either way (above the new top when not pushed: harmless,
                // the stack has headroom); the pointer moves past it only when pushed.
                let null = self.fb.ins().iconst(I64, bits::NULL as i64);
                self.fb.ins().store(flags(), null, sp, SLOT as i32);
                let oparg = self.symbol_value(HoleValue::Oparg);
                let pushes_null = self.fb.ins().band_imm_s(oparg, 1);
                let extra = self.fb.ins().imul_imm_s(pushes_null, SLOT);
                let sp = self.sp_plus(1);
                let sp = self.fb.ins().iadd(sp, extra);
                self.continue_with(frame, sp);
            }
            // Once the executor has attached where this exit goes (the loop trace or a
            // side trace; its first uop's address in the exit slot the operand points
            // at), jump there directly, after the safepoint a back edge owes.
            // An exit the executor found cold (it keeps going back to tier 1) leaves
            // with its target and stack pointer in the state block, no helper.
            _EXIT_TRACE => {
                let slot = self.symbol_value(HoleValue::Operand);
                let target = self.fb.ins().load(I64, flags(), slot, 0);
                let attached = self.fb.ins().icmp_imm_s(IntCC::NotEqual, target, 0);
                let direct = self.fb.create_block();
                let through_helper = self.fb.create_block();
                let slot_set = self.fb.create_block();
                let cold = self.fb.create_block();
                self.fb.set_cold_block(cold);
                self.fb
                    .ins()
                    .brif(attached, slot_set, &[], through_helper, &[]);
                self.fb.switch_to_block(slot_set);
                let is_cold = self
                    .fb
                    .ins()
                    .icmp_imm_s(IntCC::Equal, target, EXIT_SLOT_COLD as i64);
                self.fb.ins().brif(is_cold, cold, &[], direct, &[]);
                self.fb.switch_to_block(cold);
                let (sp, state) = (self.sp, self.state);
                self.store_field(sp, state, STATE_STACK_POINTER);
                let resume_at = self.symbol_value(HoleValue::Oparg);
                self.store_field(resume_at, state, STATE_EXIT_TARGET);
                // Which trace is leaving (direct jumps change it without a helper).
                let executor = self.symbol_value(HoleValue::Executor);
                self.store_field(executor, state, STATE_JUMP_TARGET);
                let status = self.fb.ins().iconst(I64, STATUS_EXIT as i64);
                self.fb.ins().return_(&[status]);
                self.fb.switch_to_block(through_helper);
                self.step_then_continue();
                self.fb.switch_to_block(direct);
                let (sp, state) = (self.sp, self.state);
                self.safepoint();
                let signature = self.fb.import_signature(uop_signature());
                self.fb
                    .ins()
                    .return_call_indirect(signature, target, &[frame, sp, state]);
            }
            // An inlined call: checked (the callable runs the traced code, the frame
            // stack and the value stack have room), recorded as a pending frame in the
            // state block (see `jit_abi::STATE_PENDING_COUNT`), the locals past the
            // arguments unbound; the callee's frame starts at its first argument.
            _PUSH_FRAME => self.push_frame(),
            // Back to the caller of a pending frame: the result replaces the callable;
            // a frame a helper made real takes the slow path.
            _POP_FRAME => {
                let state = self.state;
                let pending = self.load_field(state, STATE_PENDING_COUNT);
                let has_pending = self.fb.ins().icmp_imm_s(IntCC::NotEqual, pending, 0);
                self.fast_path_if(has_pending);
                let newest = self.fb.ins().iadd_imm_s(pending, -1);
                let record = self.pending_record(newest);
                let caller = self.load_field(record, STATE_PENDING_FRAMES + PENDING_CALLER_FRAME);
                let result = self.slot(-1);
                self.store_field(result, frame, -2 * SLOT as i32);
                self.store_field(newest, state, STATE_PENDING_COUNT);
                let sp = self.fb.ins().iadd_imm_s(frame, -SLOT);
                self.continue_with(caller, sp);
            }
            // Everything else runs in the step helper.
            _COMPARE_OP | _TO_BOOL | _BINARY_SUBSCR | _STORE_SUBSCR | _CONTAINS_OP | _UNARY_NOT
            | _UNARY_NEGATIVE | _RUN_SPECIALIZED | _GET_ITER | _ITER_END => {
                self.step_then_continue()
            }
        }
    }
}
