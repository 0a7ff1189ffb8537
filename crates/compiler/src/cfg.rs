//! The control-flow graph: CPython 3.13's `flowgraph.c` and `assemble.c`, trimmed to what
//! this compiler emits.
//!
//! Owns: splitting the code generator's instruction sequence into basic blocks, exception
//! target labelling, the peephole and jump optimizations CPython performs, the
//! `LOAD_FAST_CHECK` analysis, superinstructions, cold-block placement, line-number
//! propagation, stack depth, and the final assembly into [`cpjit_bytecode`] instructions,
//! locations and exception table.
//!
//! Must never: look at the AST or at scopes; it only sees instructions, labels, constants.

use cpjit_bytecode::{
    Constant, ExceptionTableEntry, Instruction, IntrinsicFunction1, Location, Opcode,
};

/// An instruction as the code generator emits it: a real opcode or one of CPython's
/// pseudo-instructions (resolved during assembly).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
    Jump,
    JumpNoInterrupt,
    LoadClosure,
    StoreFastMaybeNull,
    /// `LOAD_ATTR` with the method bit (CPython's `LOAD_METHOD`).
    LoadMethod,
    /// `LOAD_SUPER_ATTR` variants; `arg` is the name index, the flag bits are added later.
    LoadSuperAttr {
        method: bool,
        two_args: bool,
    },
}

/// Source location with CPython's convention: `line == -1` means "no location".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Loc {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc {
    pub const NONE: Loc = Loc {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
    };
}

#[derive(Clone, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    /// Label (in the sequence) or block index (in the graph) for jumps and block pushes.
    pub target: usize,
    pub loc: Loc,
    pub except: Option<usize>,
}

impl Instr {
    fn is(&self, op: Opcode) -> bool {
        self.op == Op::Real(op)
    }
    fn set_nop(&mut self) {
        self.op = Op::Real(Opcode::NOP);
        self.arg = 0;
    }
}

#[derive(Clone, Debug)]
pub(crate) enum SeqItem {
    Instr(Instr),
    Label(usize),
}

fn is_jump_op(op: Op) -> bool {
    match op {
        Op::Jump | Op::JumpNoInterrupt => true,
        Op::Real(o) => matches!(
            o,
            Opcode::FOR_ITER
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                | Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE
                | Opcode::SEND
        ),
        _ => false,
    }
}

fn is_block_push(op: Op) -> bool {
    matches!(op, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
}

fn has_target(op: Op) -> bool {
    is_jump_op(op) || is_block_push(op)
}

fn is_unconditional_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::JumpNoInterrupt
            | Op::Real(Opcode::JUMP_FORWARD)
            | Op::Real(Opcode::JUMP_BACKWARD)
            | Op::Real(Opcode::JUMP_BACKWARD_NO_INTERRUPT)
    )
}

fn is_scope_exit(op: Op) -> bool {
    matches!(
        op,
        Op::Real(Opcode::RETURN_VALUE)
            | Op::Real(Opcode::RETURN_CONST)
            | Op::Real(Opcode::RAISE_VARARGS)
            | Op::Real(Opcode::RERAISE)
    )
}

fn is_terminator(op: Op) -> bool {
    is_jump_op(op) || is_scope_exit(op)
}

const MAX_COPY_SIZE: usize = 4;

#[derive(Clone, Debug, Default)]
struct Block {
    instrs: Vec<Instr>,
    next: Option<usize>,
    labeled: bool,
    except_handler: bool,
    preserve_lasti: bool,
    visited: bool,
    predecessors: u32,
    startdepth: i32,
    cold: bool,
    warm: bool,
    unsafe_mask: u64,
    except_stack: Option<Vec<usize>>,
}

impl Block {
    fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }
    fn has_fallthrough(&self) -> bool {
        match self.instrs.last() {
            None => true,
            Some(i) => !(is_unconditional_jump(i.op) || is_scope_exit(i.op)),
        }
    }
    fn exits_scope(&self) -> bool {
        self.instrs.last().is_some_and(|i| is_scope_exit(i.op))
    }
    fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.line < 0)
    }
}

/// Information the assembler needs about the code unit.
pub(crate) struct UnitInfo {
    pub nlocals: usize,
    pub nparams: usize,
    pub is_generator: bool,
    pub first_line: i32,
    /// Deref-slot layout: number of cell variables (CPython's `u_cellvars`), and the
    /// localsplus index of each cell/free slot.
    pub deref_to_localsplus: Vec<u32>,
    /// Localsplus indices of cells to create with `MAKE_CELL`, in order.
    pub make_cells: Vec<u32>,
    pub nfreevars: u32,
}

pub(crate) struct Assembled {
    pub instructions: Vec<Instruction>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub stack_size: u32,
    pub constants: Vec<Constant>,
}

pub(crate) struct Cfg {
    blocks: Vec<Block>,
    entry: usize,
}

fn const_truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Ellipsis => true,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => b.sign() != num_bigint::Sign::NoSign,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Code(_) => true,
    }
}

/// CPython's `_PyCode_ConstantKey` equality: type-sensitive, `-0.0 != 0.0`.
pub(crate) fn const_key_eq(a: &Constant, b: &Constant) -> bool {
    use Constant::*;
    match (a, b) {
        (None, None) | (Ellipsis, Ellipsis) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (BigInt(x), BigInt(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (Complex { real: a1, imag: b1 }, Complex { real: a2, imag: b2 }) => {
            a1.to_bits() == a2.to_bits() && b1.to_bits() == b2.to_bits()
        }
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) | (FrozenSet(x), FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| const_key_eq(p, q))
        }
        (Code(x), Code(y)) => std::sync::Arc::ptr_eq(x, y),
        _ => false,
    }
}

pub(crate) fn add_const(consts: &mut Vec<Constant>, c: Constant) -> u32 {
    if !matches!(c, Constant::Code(_)) {
        if let Some(i) = consts.iter().position(|x| const_key_eq(x, &c)) {
            return i as u32;
        }
    }
    consts.push(c);
    (consts.len() - 1) as u32
}

impl Cfg {
    /// Builds the graph from the code generator's sequence (CPython's
    /// `_PyCfg_FromInstructionSequence`).
    pub(crate) fn from_sequence(seq: Vec<SeqItem>, nlabels: usize) -> Cfg {
        let mut blocks: Vec<Block> = vec![Block::default()];
        let mut cur = 0usize;
        let mut label_block: Vec<usize> = vec![usize::MAX; nlabels];
        let mut pending_labels: Vec<usize> = Vec::new();
        // As CPython 3.13, only labels that something jumps to start a block.
        let mut targeted = vec![false; nlabels];
        for item in &seq {
            if let SeqItem::Instr(i) = item {
                if has_target(i.op) {
                    if let Some(t) = targeted.get_mut(i.target) {
                        *t = true;
                    }
                }
            }
        }
        for item in seq {
            match item {
                SeqItem::Label(l) if !targeted.get(l).copied().unwrap_or(false) => {}
                SeqItem::Label(l) => {
                    let block = &blocks[cur];
                    let terminated = block.last().is_some_and(|i| is_terminator(i.op));
                    if terminated || !block.instrs.is_empty() || block.labeled {
                        let nb = blocks.len();
                        blocks.push(Block::default());
                        blocks[cur].next = Some(nb);
                        cur = nb;
                    }
                    blocks[cur].labeled = true;
                    pending_labels.push(l);
                    if l < label_block.len() {
                        label_block[l] = cur;
                    }
                }
                SeqItem::Instr(instr) => {
                    let terminated = blocks[cur].last().is_some_and(|i| is_terminator(i.op));
                    if terminated {
                        let nb = blocks.len();
                        blocks.push(Block::default());
                        blocks[cur].next = Some(nb);
                        cur = nb;
                    }
                    pending_labels.clear();
                    blocks[cur].instrs.push(instr);
                }
            }
        }
        for b in blocks.iter_mut() {
            for i in b.instrs.iter_mut() {
                if has_target(i.op) {
                    i.target = label_block.get(i.target).copied().unwrap_or(0);
                }
            }
        }
        let mut cfg = Cfg { blocks, entry: 0 };
        cfg.eliminate_empty_blocks();
        cfg
    }

    fn order(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut b = Some(self.entry);
        while let Some(i) = b {
            out.push(i);
            b = self.blocks[i].next;
        }
        out
    }

    fn next_nonempty(&self, mut b: Option<usize>) -> Option<usize> {
        while let Some(i) = b {
            if !self.blocks[i].instrs.is_empty() {
                return Some(i);
            }
            b = self.blocks[i].next;
        }
        None
    }

    fn eliminate_empty_blocks(&mut self) {
        // Redirect targets to the next non-empty block, then unlink empty blocks.
        let order = self.order();
        for &b in &order {
            for k in 0..self.blocks[b].instrs.len() {
                if has_target(self.blocks[b].instrs[k].op) {
                    let t = self.blocks[b].instrs[k].target;
                    if self.blocks[t].instrs.is_empty() {
                        if let Some(n) = self.next_nonempty(Some(t)) {
                            self.blocks[b].instrs[k].target = n;
                        }
                    }
                }
            }
        }
        let nonempty: Vec<usize> = order
            .into_iter()
            .filter(|&b| !self.blocks[b].instrs.is_empty())
            .collect();
        if nonempty.is_empty() {
            return;
        }
        self.entry = nonempty[0];
        for w in nonempty.windows(2) {
            self.blocks[w[0]].next = Some(w[1]);
        }
        if let Some(&last) = nonempty.last() {
            self.blocks[last].next = None;
        }
    }

    fn new_block(&mut self) -> usize {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    fn mark_except_handlers(&mut self) {
        for b in self.order() {
            for k in 0..self.blocks[b].instrs.len() {
                let i = &self.blocks[b].instrs[k];
                if is_block_push(i.op) {
                    let t = i.target;
                    let lasti = matches!(i.op, Op::SetupCleanup | Op::SetupWith);
                    self.blocks[t].except_handler = true;
                    if lasti {
                        self.blocks[t].preserve_lasti = true;
                    }
                }
            }
        }
    }

    fn label_exception_targets(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
            b.except_stack = None;
        }
        let mut todo = vec![self.entry];
        self.blocks[self.entry].visited = true;
        self.blocks[self.entry].except_stack = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].except_stack.take().unwrap_or_default();
            let mut handler = stack.last().copied();
            let mut last_yield_except_depth: i64 = -1;
            for k in 0..self.blocks[b].instrs.len() {
                let op = self.blocks[b].instrs[k].op;
                if is_block_push(op) {
                    let t = self.blocks[b].instrs[k].target;
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        self.blocks[t].except_stack = Some(stack.clone());
                        todo.push(t);
                    }
                    stack.push(t);
                    handler = Some(t);
                } else if op == Op::PopBlock {
                    stack.pop();
                    handler = stack.last().copied();
                    self.blocks[b].instrs[k].op = Op::Real(Opcode::NOP);
                } else if is_jump_op(op) {
                    self.blocks[b].instrs[k].except = handler;
                    let t = self.blocks[b].instrs[k].target;
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        self.blocks[t].except_stack = Some(stack.clone());
                        todo.push(t);
                    }
                } else if op == Op::Real(Opcode::YIELD_VALUE) {
                    self.blocks[b].instrs[k].except = handler;
                    last_yield_except_depth = stack.len() as i64;
                } else if op == Op::Real(Opcode::RESUME) {
                    let ins = &mut self.blocks[b].instrs[k];
                    ins.except = handler;
                    if ins.arg != 0 {
                        if last_yield_except_depth == 1 {
                            ins.arg |= 4;
                        }
                        last_yield_except_depth = -1;
                    }
                } else {
                    self.blocks[b].instrs[k].except = handler;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        self.blocks[n].except_stack = Some(stack);
                        todo.push(n);
                    }
                }
            }
        }
    }

    fn inline_small_exit_blocks(&mut self, b: usize) -> bool {
        let Some(last) = self.blocks[b].last() else {
            return false;
        };
        if !is_unconditional_jump(last.op) {
            return false;
        }
        let t = last.target;
        let small_exit =
            self.blocks[t].exits_scope() && self.blocks[t].instrs.len() <= MAX_COPY_SIZE;
        let no_lineno_no_fallthrough =
            t != b && self.blocks[t].has_no_lineno() && !self.blocks[t].has_fallthrough();
        if small_exit || no_lineno_no_fallthrough {
            let removed_op = last.op;
            let copy = self.blocks[t].instrs.clone();
            if let Some(l) = self.blocks[b].instrs.last_mut() {
                l.set_nop();
            }
            self.blocks[b].instrs.extend(copy);
            if no_lineno_no_fallthrough && removed_op == Op::Jump {
                // Make sure we don't lose eval breaker checks.
                if let Some(l) = self.blocks[b].instrs.last_mut() {
                    if is_unconditional_jump(l.op) {
                        l.op = Op::Jump;
                    }
                }
            }
            self.blocks[t].predecessors = self.blocks[t].predecessors.saturating_sub(1);
            return true;
        }
        false
    }

    fn inline_small_or_no_lineno_blocks(&mut self) {
        // Every change removes a jump; the bound only guards against pathological cycles.
        for _ in 0..64 {
            let mut changes = false;
            for b in self.order() {
                if self.inline_small_exit_blocks(b) {
                    changes = true;
                }
            }
            if !changes {
                break;
            }
        }
    }

    fn remove_unreachable(&mut self) {
        for b in self.blocks.iter_mut() {
            b.predecessors = 0;
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].visited = true;
        self.blocks[self.entry].predecessors = 1;
        while let Some(b) = stack.pop() {
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        stack.push(n);
                    }
                    self.blocks[n].predecessors += 1;
                }
            }
            for k in 0..self.blocks[b].instrs.len() {
                let i = &self.blocks[b].instrs[k];
                if has_target(i.op) {
                    let t = i.target;
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        stack.push(t);
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
        for b in self.order() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
                self.blocks[b].except_handler = false;
            }
        }
    }

    fn jump_thread(&mut self, b: usize, k: usize, target_first: &Instr, opcode: Op) -> bool {
        let inst_target = self.blocks[b].instrs[k].target;
        if inst_target != target_first.target {
            self.blocks[b].instrs[k].set_nop();
            self.blocks[b].instrs.push(Instr {
                op: opcode,
                arg: 0,
                target: target_first.target,
                loc: target_first.loc,
                except: None,
            });
            return true;
        }
        false
    }

    fn optimize_basic_block(&mut self, b: usize, consts: &mut Vec<Constant>) {
        let mut i = 0usize;
        while i < self.blocks[b].instrs.len() {
            let inst = self.blocks[b].instrs[i].clone();
            let target_first = if has_target(inst.op) {
                self.blocks[inst.target].instrs.first().cloned()
            } else {
                None
            };
            let nextop = self.blocks[b].instrs.get(i + 1).map(|x| x.op);
            let n = self.blocks[b].instrs.len();
            let oparg = inst.arg;
            let mut advance = true;
            match inst.op {
                Op::Real(Opcode::LOAD_CONST) => {
                    let cnt = consts
                        .get(oparg as usize)
                        .cloned()
                        .unwrap_or(Constant::None);
                    match nextop {
                        Some(Op::Real(Opcode::POP_JUMP_IF_FALSE))
                        | Some(Op::Real(Opcode::POP_JUMP_IF_TRUE)) => {
                            let is_true = const_truthy(&cnt);
                            let jump_if_true = nextop == Some(Op::Real(Opcode::POP_JUMP_IF_TRUE));
                            self.blocks[b].instrs[i].set_nop();
                            if is_true == jump_if_true {
                                self.blocks[b].instrs[i + 1].op = Op::Jump;
                            } else {
                                self.blocks[b].instrs[i + 1].set_nop();
                            }
                        }
                        Some(Op::Real(Opcode::IS_OP))
                            if matches!(cnt, Constant::None) && i + 2 < n =>
                        {
                            let mut j = i + 2;
                            if self.blocks[b].instrs[j].is(Opcode::TO_BOOL) {
                                self.blocks[b].instrs[j].set_nop();
                                j += 1;
                            }
                            if j < n {
                                let mut invert = self.blocks[b].instrs[i + 1].arg != 0;
                                let jop = self.blocks[b].instrs[j].op;
                                let ok = if jop == Op::Real(Opcode::POP_JUMP_IF_FALSE) {
                                    invert = !invert;
                                    true
                                } else {
                                    jop == Op::Real(Opcode::POP_JUMP_IF_TRUE)
                                };
                                if ok {
                                    self.blocks[b].instrs[i].set_nop();
                                    self.blocks[b].instrs[i + 1].set_nop();
                                    self.blocks[b].instrs[j].op = Op::Real(if invert {
                                        Opcode::POP_JUMP_IF_NOT_NONE
                                    } else {
                                        Opcode::POP_JUMP_IF_NONE
                                    });
                                }
                            }
                        }
                        Some(Op::Real(Opcode::RETURN_VALUE)) => {
                            self.blocks[b].instrs[i].set_nop();
                            let nx = &mut self.blocks[b].instrs[i + 1];
                            nx.op = Op::Real(Opcode::RETURN_CONST);
                            nx.arg = oparg;
                            i += 1;
                        }
                        Some(Op::Real(Opcode::TO_BOOL)) => {
                            let idx = add_const(consts, Constant::Bool(const_truthy(&cnt)));
                            self.blocks[b].instrs[i].set_nop();
                            let nx = &mut self.blocks[b].instrs[i + 1];
                            nx.op = Op::Real(Opcode::LOAD_CONST);
                            nx.arg = idx;
                        }
                        _ => {}
                    }
                }
                Op::Real(Opcode::BUILD_TUPLE) => {
                    if nextop == Some(Op::Real(Opcode::UNPACK_SEQUENCE))
                        && self.blocks[b].instrs[i + 1].arg == oparg
                        && (1..=3).contains(&oparg)
                    {
                        self.blocks[b].instrs[i].set_nop();
                        if oparg == 1 {
                            self.blocks[b].instrs[i + 1].set_nop();
                        } else {
                            self.blocks[b].instrs[i + 1].op = Op::Real(Opcode::SWAP);
                        }
                        i += 1;
                        continue;
                    }
                    if i >= oparg as usize {
                        self.fold_tuple_on_constants(b, i, oparg as usize, consts);
                    }
                }
                Op::Real(Opcode::POP_JUMP_IF_NOT_NONE)
                | Op::Real(Opcode::POP_JUMP_IF_NONE)
                | Op::Real(Opcode::POP_JUMP_IF_FALSE)
                | Op::Real(Opcode::POP_JUMP_IF_TRUE) => {
                    if let Some(t) = &target_first {
                        if t.op == Op::Jump && self.jump_thread(b, i, t, inst.op) {
                            advance = false;
                        }
                    }
                }
                Op::Jump | Op::JumpNoInterrupt => {
                    if let Some(t) = &target_first {
                        let new_op = if t.op == Op::Jump {
                            Some(Op::Jump)
                        } else if t.op == Op::JumpNoInterrupt {
                            Some(inst.op)
                        } else {
                            None
                        };
                        if let Some(op) = new_op {
                            if self.jump_thread(b, i, t, op) {
                                advance = false;
                            }
                        }
                    }
                }
                Op::Real(Opcode::STORE_FAST) if nextop == Some(inst.op) => {
                    let nx = &self.blocks[b].instrs[i + 1];
                    if nx.arg == oparg && nx.loc.line == inst.loc.line {
                        let cur = &mut self.blocks[b].instrs[i];
                        cur.op = Op::Real(Opcode::POP_TOP);
                        cur.arg = 0;
                    }
                }
                Op::Real(Opcode::SWAP) if oparg == 1 => {
                    self.blocks[b].instrs[i].set_nop();
                }
                Op::Real(Opcode::LOAD_GLOBAL)
                    if nextop == Some(Op::Real(Opcode::PUSH_NULL)) && oparg & 1 == 0 =>
                {
                    self.blocks[b].instrs[i].arg = oparg | 1;
                    self.blocks[b].instrs[i + 1].set_nop();
                }
                Op::Real(Opcode::COMPARE_OP) if nextop == Some(Op::Real(Opcode::TO_BOOL)) => {
                    self.blocks[b].instrs[i].set_nop();
                    let nx = &mut self.blocks[b].instrs[i + 1];
                    nx.op = Op::Real(Opcode::COMPARE_OP);
                    nx.arg = oparg | 16;
                }
                Op::Real(Opcode::CONTAINS_OP) | Op::Real(Opcode::IS_OP) => {
                    if nextop == Some(Op::Real(Opcode::TO_BOOL)) {
                        self.blocks[b].instrs[i].set_nop();
                        let nx = &mut self.blocks[b].instrs[i + 1];
                        nx.op = inst.op;
                        nx.arg = oparg;
                    } else if nextop == Some(Op::Real(Opcode::UNARY_NOT)) {
                        self.blocks[b].instrs[i].set_nop();
                        let nx = &mut self.blocks[b].instrs[i + 1];
                        nx.op = inst.op;
                        nx.arg = oparg ^ 1;
                    }
                }
                Op::Real(Opcode::TO_BOOL) if nextop == Some(Op::Real(Opcode::TO_BOOL)) => {
                    self.blocks[b].instrs[i].set_nop();
                }
                Op::Real(Opcode::UNARY_NOT) => {
                    if nextop == Some(Op::Real(Opcode::TO_BOOL)) {
                        self.blocks[b].instrs[i].set_nop();
                        let nx = &mut self.blocks[b].instrs[i + 1];
                        nx.op = Op::Real(Opcode::UNARY_NOT);
                        nx.arg = 0;
                    } else if nextop == Some(Op::Real(Opcode::UNARY_NOT)) {
                        self.blocks[b].instrs[i].set_nop();
                        self.blocks[b].instrs[i + 1].set_nop();
                    }
                }
                Op::Real(Opcode::CALL_INTRINSIC_1)
                    if oparg == IntrinsicFunction1::ListToTuple as u32
                        && nextop == Some(Op::Real(Opcode::GET_ITER)) =>
                {
                    self.blocks[b].instrs[i].set_nop();
                }
                _ => {}
            }
            if advance {
                i += 1;
            }
        }
        let mut i = 0usize;
        while i < self.blocks[b].instrs.len() {
            if self.blocks[b].instrs[i].is(Opcode::SWAP) {
                swaptimize(&mut self.blocks[b].instrs, &mut i);
                apply_static_swaps(&mut self.blocks[b].instrs, i as isize);
            }
            i += 1;
        }
    }

    fn fold_tuple_on_constants(
        &mut self,
        b: usize,
        i: usize,
        n: usize,
        consts: &mut Vec<Constant>,
    ) {
        let instrs = &mut self.blocks[b].instrs;
        let mut items = Vec::with_capacity(n);
        for k in 0..n {
            let x = &instrs[i - n + k];
            if !x.is(Opcode::LOAD_CONST) {
                return;
            }
            items.push(
                consts
                    .get(x.arg as usize)
                    .cloned()
                    .unwrap_or(Constant::None),
            );
        }
        let idx = add_const(consts, Constant::Tuple(items.into()));
        for k in 0..n {
            instrs[i - n + k].set_nop();
        }
        instrs[i].op = Op::Real(Opcode::LOAD_CONST);
        instrs[i].arg = idx;
    }

    fn remove_redundant_nops_block(&mut self, b: usize) -> usize {
        let next_loc_line = {
            let mut line = None;
            if let Some(nb) = self.next_nonempty(self.blocks[b].next) {
                let mut l = -1;
                for ins in &self.blocks[nb].instrs {
                    if ins.is(Opcode::NOP) && ins.loc.line == -1 {
                        continue;
                    }
                    l = ins.loc.line;
                    break;
                }
                line = Some(l);
            }
            line
        };
        let instrs = std::mem::take(&mut self.blocks[b].instrs);
        let n = instrs.len();
        let mut out: Vec<Instr> = Vec::with_capacity(n);
        let mut prev_lineno = -1;
        let mut instrs = instrs;
        for src in 0..n {
            let lineno = instrs[src].loc.line;
            if instrs[src].is(Opcode::NOP) {
                if lineno < 0 || prev_lineno == lineno {
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = instrs[src + 1].loc.line;
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        instrs[src + 1].loc = instrs[src].loc;
                        continue;
                    }
                } else if let Some(nl) = next_loc_line {
                    if nl == lineno {
                        continue;
                    }
                }
            }
            out.push(instrs[src].clone());
            prev_lineno = lineno;
        }
        let removed = n - out.len();
        self.blocks[b].instrs = out;
        removed
    }

    fn remove_redundant_nops(&mut self) -> usize {
        let mut changes = 0;
        for b in self.order() {
            changes += self.remove_redundant_nops_block(b);
        }
        changes
    }

    fn remove_redundant_nops_and_pairs(&mut self) {
        let mut done = false;
        while !done {
            done = true;
            let mut prev: Option<(usize, usize)> = None;
            for b in self.order() {
                self.remove_redundant_nops_block(b);
                if self.blocks[b].labeled {
                    prev = None;
                }
                for k in 0..self.blocks[b].instrs.len() {
                    let cur = &self.blocks[b].instrs[k];
                    if cur.is(Opcode::POP_TOP) {
                        if let Some((pb, pk)) = prev {
                            let p = &self.blocks[pb].instrs[pk];
                            if p.is(Opcode::LOAD_CONST) || (p.is(Opcode::COPY) && p.arg == 1) {
                                self.blocks[pb].instrs[pk].set_nop();
                                self.blocks[b].instrs[k].set_nop();
                                done = false;
                            }
                        }
                    }
                    prev = Some((b, k));
                }
                let last_jump = self.blocks[b].last().is_some_and(|i| is_jump_op(i.op));
                if last_jump || !self.blocks[b].has_fallthrough() {
                    prev = None;
                }
            }
        }
    }

    fn remove_redundant_jumps(&mut self) -> usize {
        let mut changes = 0;
        for b in self.order() {
            let Some(last) = self.blocks[b].last() else {
                continue;
            };
            if is_unconditional_jump(last.op) {
                let jt = self.next_nonempty(Some(last.target));
                let next = self.next_nonempty(self.blocks[b].next);
                if jt.is_some() && jt == next {
                    changes += 1;
                    if let Some(l) = self.blocks[b].instrs.last_mut() {
                        l.set_nop();
                    }
                }
            }
        }
        changes
    }

    fn remove_redundant_nops_and_jumps(&mut self) {
        loop {
            let a = self.remove_redundant_nops();
            let j = self.remove_redundant_jumps();
            if a + j == 0 {
                break;
            }
        }
    }

    fn optimize(&mut self, consts: &mut Vec<Constant>, first_line: i32) {
        self.inline_small_or_no_lineno_blocks();
        self.remove_unreachable();
        self.resolve_line_numbers(first_line);
        for b in self.order() {
            self.optimize_basic_block(b, consts);
        }
        self.remove_redundant_nops_and_pairs();
        self.remove_unreachable();
        self.remove_redundant_nops_and_jumps();
    }

    fn remove_unused_consts(&mut self, consts: &mut Vec<Constant>) {
        if consts.is_empty() {
            return;
        }
        let mut used = vec![false; consts.len()];
        used[0] = true;
        for b in self.order() {
            for i in &self.blocks[b].instrs {
                if i.is(Opcode::LOAD_CONST) || i.is(Opcode::RETURN_CONST) {
                    if let Some(u) = used.get_mut(i.arg as usize) {
                        *u = true;
                    }
                }
            }
        }
        let mut map = vec![0u32; consts.len()];
        let mut new_consts = Vec::new();
        for (k, c) in consts.iter().enumerate() {
            if used[k] {
                map[k] = new_consts.len() as u32;
                new_consts.push(c.clone());
            }
        }
        for b in self.order() {
            for i in self.blocks[b].instrs.iter_mut() {
                if i.is(Opcode::LOAD_CONST) || i.is(Opcode::RETURN_CONST) {
                    i.arg = map.get(i.arg as usize).copied().unwrap_or(0);
                }
            }
        }
        *consts = new_consts;
    }

    fn add_checks_for_uninitialized(&mut self, nlocals: usize, nparams: usize) {
        if nlocals == 0 {
            return;
        }
        let order = self.order();
        if nlocals > 64 {
            let mut states = vec![0usize; nlocals - 64];
            let mut blocknum = 0usize;
            for &b in &order {
                blocknum += 1;
                for i in self.blocks[b].instrs.iter_mut() {
                    let arg = i.arg as usize;
                    if arg < 64 || arg >= nlocals {
                        continue;
                    }
                    match i.op {
                        Op::Real(Opcode::DELETE_FAST)
                        | Op::Real(Opcode::LOAD_FAST_AND_CLEAR)
                        | Op::StoreFastMaybeNull => states[arg - 64] = blocknum - 1,
                        Op::Real(Opcode::STORE_FAST) => states[arg - 64] = blocknum,
                        Op::Real(Opcode::LOAD_FAST) => {
                            if states[arg - 64] != blocknum {
                                i.op = Op::Real(Opcode::LOAD_FAST_CHECK);
                            }
                            states[arg - 64] = blocknum;
                        }
                        _ => {}
                    }
                }
            }
        }
        let nl = nlocals.min(64);
        for b in self.blocks.iter_mut() {
            b.unsafe_mask = 0;
            b.visited = false;
        }
        let mut stack: Vec<usize> = Vec::new();
        let mut start_mask = 0u64;
        for i in nparams..nl {
            start_mask |= 1u64 << i;
        }
        self.maybe_push(self.entry, start_mask, &mut stack);
        for &b in &order {
            self.scan_block_for_locals(b, &mut stack);
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = false;
            self.scan_block_for_locals(b, &mut stack);
        }
    }

    fn maybe_push(&mut self, b: usize, mask: u64, stack: &mut Vec<usize>) {
        let both = self.blocks[b].unsafe_mask | mask;
        if self.blocks[b].unsafe_mask != both {
            self.blocks[b].unsafe_mask = both;
            if !self.blocks[b].visited {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
    }

    fn scan_block_for_locals(&mut self, b: usize, stack: &mut Vec<usize>) {
        let mut mask = self.blocks[b].unsafe_mask;
        for k in 0..self.blocks[b].instrs.len() {
            if let Some(h) = self.blocks[b].instrs[k].except {
                self.maybe_push(h, mask, stack);
            }
            let i = &mut self.blocks[b].instrs[k];
            if i.arg >= 64 {
                continue;
            }
            let bit = 1u64 << i.arg;
            match i.op {
                Op::Real(Opcode::DELETE_FAST)
                | Op::Real(Opcode::LOAD_FAST_AND_CLEAR)
                | Op::StoreFastMaybeNull => mask |= bit,
                Op::Real(Opcode::STORE_FAST) | Op::Real(Opcode::LOAD_FAST_CHECK) => mask &= !bit,
                Op::Real(Opcode::LOAD_FAST) => {
                    if mask & bit != 0 {
                        i.op = Op::Real(Opcode::LOAD_FAST_CHECK);
                    }
                    mask &= !bit;
                }
                _ => {}
            }
        }
        if self.blocks[b].has_fallthrough() {
            if let Some(n) = self.blocks[b].next {
                self.maybe_push(n, mask, stack);
            }
        }
        if let Some(last) = self.blocks[b].last() {
            if is_jump_op(last.op) {
                let t = last.target;
                self.maybe_push(t, mask, stack);
            }
        }
    }

    fn insert_superinstructions(&mut self) {
        for b in self.order() {
            let instrs = &mut self.blocks[b].instrs;
            for k in 0..instrs.len() {
                let nextop = instrs.get(k + 1).map(|x| x.op);
                let sup = match (instrs[k].op, nextop) {
                    (Op::Real(Opcode::LOAD_FAST), Some(Op::Real(Opcode::LOAD_FAST))) => {
                        Some(Opcode::LOAD_FAST_LOAD_FAST)
                    }
                    (Op::Real(Opcode::STORE_FAST), Some(Op::Real(Opcode::LOAD_FAST))) => {
                        Some(Opcode::STORE_FAST_LOAD_FAST)
                    }
                    (Op::Real(Opcode::STORE_FAST), Some(Op::Real(Opcode::STORE_FAST))) => {
                        Some(Opcode::STORE_FAST_STORE_FAST)
                    }
                    _ => None,
                };
                if let Some(sup) = sup {
                    let l1 = instrs[k].loc.line;
                    let l2 = instrs[k + 1].loc.line;
                    if l1 >= 0 && l2 >= 0 && l1 != l2 {
                        continue;
                    }
                    if instrs[k].arg >= 16 || instrs[k + 1].arg >= 16 {
                        continue;
                    }
                    instrs[k].arg = (instrs[k].arg << 4) | instrs[k + 1].arg;
                    instrs[k].op = Op::Real(sup);
                    instrs[k + 1].set_nop();
                }
            }
        }
        self.remove_redundant_nops();
    }

    fn mark_cold(&mut self) {
        for b in self.blocks.iter_mut() {
            b.cold = false;
            b.warm = false;
            b.visited = false;
        }
        let mut stack = vec![self.entry];
        self.blocks[self.entry].visited = true;
        while let Some(b) = stack.pop() {
            self.blocks[b].warm = true;
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        stack.push(n);
                    }
                }
            }
            for k in 0..self.blocks[b].instrs.len() {
                let i = &self.blocks[b].instrs[k];
                if is_jump_op(i.op) {
                    let t = i.target;
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        stack.push(t);
                    }
                }
            }
        }
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        let mut stack = Vec::new();
        for b in self.order() {
            if self.blocks[b].except_handler && !self.blocks[b].warm {
                stack.push(b);
                self.blocks[b].visited = true;
            }
        }
        while let Some(b) = stack.pop() {
            self.blocks[b].cold = true;
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].warm && !self.blocks[n].visited {
                        self.blocks[n].visited = true;
                        stack.push(n);
                    }
                }
            }
            for k in 0..self.blocks[b].instrs.len() {
                let i = &self.blocks[b].instrs[k];
                if is_jump_op(i.op) {
                    let t = i.target;
                    if !self.blocks[t].warm && !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        stack.push(t);
                    }
                }
            }
        }
    }

    fn push_cold_blocks_to_end(&mut self) {
        if self.blocks[self.entry].next.is_none() {
            return;
        }
        self.mark_cold();
        for b in self.order() {
            if self.blocks[b].cold && self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if self.blocks[n].warm {
                        let j = self.new_block();
                        self.blocks[j].instrs.push(Instr {
                            op: Op::JumpNoInterrupt,
                            arg: 0,
                            target: n,
                            loc: Loc::NONE,
                            except: None,
                        });
                        self.blocks[j].cold = true;
                        self.blocks[j].next = Some(n);
                        self.blocks[j].predecessors = 1;
                        self.blocks[b].next = Some(j);
                    }
                }
            }
        }
        let order = self.order();
        let warm: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&b| !self.blocks[b].cold)
            .collect();
        let cold: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&b| self.blocks[b].cold)
            .collect();
        if cold.is_empty() {
            return;
        }
        let all: Vec<usize> = warm.into_iter().chain(cold).collect();
        self.entry = all[0];
        for w in all.windows(2) {
            self.blocks[w[0]].next = Some(w[1]);
        }
        if let Some(&l) = all.last() {
            self.blocks[l].next = None;
        }
        self.remove_redundant_nops_and_jumps();
    }

    fn is_exit_without_lineno(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        // CPython's pseudo `JUMP` checks the eval breaker; `JUMP_NO_INTERRUPT` does not.
        let eval_break = blk.instrs.iter().any(|i| {
            matches!(
                i.op,
                Op::Jump | Op::Real(Opcode::JUMP_BACKWARD) | Op::Real(Opcode::CALL)
            )
        });
        (blk.exits_scope() || eval_break) && blk.has_no_lineno()
    }

    fn resolve_line_numbers(&mut self, _first_line: i32) {
        // duplicate_exits_without_lineno
        for b in self.order() {
            let Some(last) = self.blocks[b].last().cloned() else {
                continue;
            };
            if is_jump_op(last.op) {
                let Some(t) = self.next_nonempty(Some(last.target)) else {
                    continue;
                };
                if self.is_exit_without_lineno(t) && self.blocks[t].predecessors > 1 {
                    let nb = self.new_block();
                    self.blocks[nb].instrs = self.blocks[t].instrs.clone();
                    if let Some(first) = self.blocks[nb].instrs.first_mut() {
                        first.loc = last.loc;
                    }
                    if let Some(l) = self.blocks[b].instrs.last_mut() {
                        l.target = nb;
                    }
                    self.blocks[t].predecessors -= 1;
                    self.blocks[nb].predecessors = 1;
                    self.blocks[nb].next = self.blocks[t].next;
                    self.blocks[nb].labeled = true;
                    self.blocks[nb].except_handler = self.blocks[t].except_handler;
                    self.blocks[nb].preserve_lasti = self.blocks[t].preserve_lasti;
                    self.blocks[nb].cold = self.blocks[t].cold;
                    self.blocks[t].next = Some(nb);
                }
            }
        }
        for b in self.order() {
            if self.blocks[b].has_fallthrough() && !self.blocks[b].instrs.is_empty() {
                if let Some(n) = self.blocks[b].next {
                    if self.is_exit_without_lineno(n) {
                        let loc = self.blocks[b].instrs.last().map(|i| i.loc);
                        if let (Some(loc), Some(first)) = (loc, self.blocks[n].instrs.first_mut()) {
                            first.loc = loc;
                        }
                    }
                }
            }
        }
        // propagate_line_numbers
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc::NONE;
            for i in self.blocks[b].instrs.iter_mut() {
                if i.loc.line < 0 {
                    i.loc = prev;
                } else {
                    prev = i.loc;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if self.blocks[n].predecessors == 1 {
                        if let Some(first) = self.blocks[n].instrs.first_mut() {
                            if first.loc.line < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
            if let Some(last) = self.blocks[b].last() {
                if is_jump_op(last.op) {
                    let t = last.target;
                    if self.blocks[t].predecessors == 1 {
                        if let Some(first) = self.blocks[t].instrs.first_mut() {
                            if first.loc.line < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
        }
    }

    fn stack_effect(i: &Instr, jump: bool) -> i32 {
        let arg = i.arg as i32;
        match i.op {
            Op::SetupFinally => i32::from(jump),
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
            Op::SetupWith => i32::from(jump),
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
            Op::LoadClosure => 1,
            Op::StoreFastMaybeNull => -1,
            Op::LoadMethod => 1,
            Op::LoadSuperAttr { method, .. } => {
                if method {
                    -1
                } else {
                    -2
                }
            }
            Op::Real(op) => {
                use Opcode::*;
                match op {
                    NOP
                    | RESUME
                    | SWAP
                    | RETURN_CONST
                    | DELETE_FAST
                    | DELETE_NAME
                    | DELETE_GLOBAL
                    | MAKE_CELL
                    | COPY_FREE_VARS
                    | DELETE_DEREF
                    | LOAD_FROM_DICT_OR_DEREF
                    | UNARY_NEGATIVE
                    | UNARY_NOT
                    | UNARY_INVERT
                    | TO_BOOL
                    | FORMAT_SIMPLE
                    | CONVERT_VALUE
                    | GET_ITER
                    | JUMP_FORWARD
                    | JUMP_BACKWARD
                    | JUMP_BACKWARD_NO_INTERRUPT
                    | MAKE_FUNCTION
                    | CALL_INTRINSIC_1
                    | CHECK_EXC_MATCH
                    | YIELD_VALUE
                    | SEND
                    | GET_YIELD_FROM_ITER
                    | SETUP_ANNOTATIONS
                    | ENTER_EXECUTOR
                    | STORE_FAST_LOAD_FAST => 0,
                    POP_TOP
                    | END_FOR
                    | RETURN_VALUE
                    | STORE_FAST
                    | STORE_NAME
                    | STORE_GLOBAL
                    | STORE_DEREF
                    | DELETE_ATTR
                    | BINARY_OP
                    | COMPARE_OP
                    | IS_OP
                    | CONTAINS_OP
                    | BINARY_SUBSCR
                    | LIST_APPEND
                    | LIST_EXTEND
                    | SET_ADD
                    | SET_UPDATE
                    | DICT_UPDATE
                    | DICT_MERGE
                    | FORMAT_WITH_SPEC
                    | POP_JUMP_IF_FALSE
                    | POP_JUMP_IF_TRUE
                    | POP_JUMP_IF_NONE
                    | POP_JUMP_IF_NOT_NONE
                    | SET_FUNCTION_ATTRIBUTE
                    | CALL_INTRINSIC_2
                    | RERAISE
                    | POP_EXCEPT
                    | IMPORT_NAME
                    | END_SEND
                    | CLEANUP_THROW => -1,
                    PUSH_NULL | COPY | LOAD_CONST | LOAD_FAST | LOAD_FAST_CHECK
                    | LOAD_FAST_AND_CLEAR | LOAD_NAME | LOAD_DEREF | PUSH_EXC_INFO
                    | LOAD_ASSERTION_ERROR | LOAD_BUILD_CLASS | LOAD_LOCALS | IMPORT_FROM
                    | BEFORE_WITH | WITH_EXCEPT_START | GET_LEN | RETURN_GENERATOR
                    | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 1,
                    MATCH_CLASS => -2,
                    LOAD_FAST_LOAD_FAST => 2,
                    STORE_FAST_STORE_FAST | DELETE_SUBSCR | MAP_ADD | BINARY_SLICE | STORE_ATTR => {
                        -2
                    }
                    STORE_SUBSCR => -3,
                    STORE_SLICE => -4,
                    LOAD_GLOBAL => 1 + (arg & 1),
                    LOAD_ATTR => arg & 1,
                    LOAD_SUPER_ATTR => -2 + (arg & 1),
                    BUILD_SLICE | BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - arg,
                    BUILD_MAP => 1 - 2 * arg,
                    BUILD_CONST_KEY_MAP => -arg,
                    UNPACK_SEQUENCE => arg - 1,
                    UNPACK_EX => (arg & 0xff) + (arg >> 8),
                    FOR_ITER => 1,
                    CALL => -1 - arg,
                    CALL_KW => -2 - arg,
                    CALL_FUNCTION_EX => -2 - (arg & 1),
                    RAISE_VARARGS => -arg,
                }
            }
        }
    }

    fn calculate_stackdepth(&mut self) -> i32 {
        for b in self.blocks.iter_mut() {
            b.startdepth = i32::MIN;
        }
        let mut stack = Vec::new();
        let mut maxdepth = 0;
        let push = |blocks: &mut Vec<Block>, stack: &mut Vec<usize>, b: usize, depth: i32| {
            if blocks[b].startdepth < depth && blocks[b].startdepth == i32::MIN {
                blocks[b].startdepth = depth;
                stack.push(b);
            }
        };
        push(&mut self.blocks, &mut stack, self.entry, 0);
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for k in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[k].clone();
                let new_depth = depth + Self::stack_effect(&ins, false);
                maxdepth = maxdepth.max(new_depth);
                if has_target(ins.op) {
                    let td = depth + Self::stack_effect(&ins, true);
                    maxdepth = maxdepth.max(td);
                    push(&mut self.blocks, &mut stack, ins.target, td);
                }
                depth = new_depth;
                if is_unconditional_jump(ins.op) || is_scope_exit(ins.op) {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(&mut self.blocks, &mut stack, n, depth);
            }
        }
        maxdepth
    }

    fn normalize_jumps(&mut self) {
        for b in self.blocks.iter_mut() {
            b.visited = false;
        }
        for b in self.order() {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].last().cloned() else {
                continue;
            };
            if !is_jump_op(last.op) || is_unconditional_jump(last.op) {
                continue;
            }
            if !self.blocks[last.target].visited {
                continue;
            }
            let reversed = match last.op {
                Op::Real(Opcode::POP_JUMP_IF_NOT_NONE) => Opcode::POP_JUMP_IF_NONE,
                Op::Real(Opcode::POP_JUMP_IF_NONE) => Opcode::POP_JUMP_IF_NOT_NONE,
                Op::Real(Opcode::POP_JUMP_IF_FALSE) => Opcode::POP_JUMP_IF_TRUE,
                Op::Real(Opcode::POP_JUMP_IF_TRUE) => Opcode::POP_JUMP_IF_FALSE,
                _ => continue,
            };
            let nb = self.new_block();
            let Some(next) = self.blocks[b].next else {
                continue;
            };
            self.blocks[nb].instrs.push(Instr {
                op: Op::Jump,
                arg: 0,
                target: last.target,
                loc: last.loc,
                except: None,
            });
            self.blocks[nb].cold = self.blocks[b].cold;
            self.blocks[nb].next = Some(next);
            if let Some(l) = self.blocks[b].instrs.last_mut() {
                l.op = Op::Real(reversed);
                l.target = next;
            }
            self.blocks[b].next = Some(nb);
        }
    }

    /// Runs CPython's optimization pipeline and assembles the result.
    pub(crate) fn assemble(mut self, mut consts: Vec<Constant>, info: &UnitInfo) -> Assembled {
        self.mark_except_handlers();
        self.label_exception_targets();
        self.optimize(&mut consts, info.first_line);
        self.remove_unused_consts(&mut consts);
        self.add_checks_for_uninitialized(info.nlocals, info.nparams);
        self.insert_superinstructions();
        self.push_cold_blocks_to_end();
        self.resolve_line_numbers(info.first_line);
        let stack_size = self.calculate_stackdepth().max(0) as u32;
        // Convert pseudo ops that vanish.
        for b in self.order() {
            for i in self.blocks[b].instrs.iter_mut() {
                if is_block_push(i.op) {
                    i.set_nop();
                } else if i.op == Op::LoadClosure {
                    i.op = Op::Real(Opcode::LOAD_FAST);
                    i.arg = info
                        .deref_to_localsplus
                        .get(i.arg as usize)
                        .copied()
                        .unwrap_or(i.arg);
                } else if i.op == Op::StoreFastMaybeNull {
                    i.op = Op::Real(Opcode::STORE_FAST);
                }
            }
        }
        self.remove_redundant_nops_and_jumps();
        // Fix deref offsets.
        for b in self.order() {
            for i in self.blocks[b].instrs.iter_mut() {
                if matches!(
                    i.op,
                    Op::Real(Opcode::LOAD_DEREF)
                        | Op::Real(Opcode::STORE_DEREF)
                        | Op::Real(Opcode::DELETE_DEREF)
                        | Op::Real(Opcode::LOAD_FROM_DICT_OR_DEREF)
                        | Op::Real(Opcode::MAKE_CELL)
                ) {
                    i.arg = info
                        .deref_to_localsplus
                        .get(i.arg as usize)
                        .copied()
                        .unwrap_or(i.arg);
                }
            }
        }
        // Prefix instructions.
        let mut prefix = Vec::new();
        if info.nfreevars > 0 {
            prefix.push(Instr {
                op: Op::Real(Opcode::COPY_FREE_VARS),
                arg: info.nfreevars,
                target: 0,
                loc: Loc::NONE,
                except: None,
            });
        }
        for &c in &info.make_cells {
            prefix.push(Instr {
                op: Op::Real(Opcode::MAKE_CELL),
                arg: c,
                target: 0,
                loc: Loc::NONE,
                except: None,
            });
        }
        if info.is_generator {
            let loc = Loc {
                line: info.first_line,
                end_line: info.first_line,
                col: -1,
                end_col: -1,
            };
            for op in [Opcode::RETURN_GENERATOR, Opcode::POP_TOP] {
                prefix.push(Instr {
                    op: Op::Real(op),
                    arg: 0,
                    target: 0,
                    loc,
                    except: None,
                });
            }
        }
        if !prefix.is_empty() {
            let e = self.entry;
            prefix.append(&mut self.blocks[e].instrs);
            self.blocks[e].instrs = prefix;
        }
        self.normalize_jumps();
        // Lay out.
        let order = self.order();
        let mut start = vec![0usize; self.blocks.len()];
        let mut n = 0;
        for &b in &order {
            start[b] = n;
            n += self.blocks[b].instrs.len();
        }
        let mut instructions = Vec::with_capacity(n);
        let mut locations = Vec::with_capacity(n);
        let mut handlers: Vec<Option<usize>> = Vec::with_capacity(n);
        for &b in &order {
            for i in &self.blocks[b].instrs {
                let idx = instructions.len();
                let (opcode, arg) = match i.op {
                    Op::Real(op) if has_target(i.op) => (op, start[i.target] as u32),
                    Op::Real(op) => (op, i.arg),
                    Op::Jump | Op::JumpNoInterrupt => {
                        let t = start[i.target];
                        let op = if t > idx {
                            Opcode::JUMP_FORWARD
                        } else if i.op == Op::Jump {
                            Opcode::JUMP_BACKWARD
                        } else {
                            Opcode::JUMP_BACKWARD_NO_INTERRUPT
                        };
                        (op, t as u32)
                    }
                    Op::LoadMethod => (Opcode::LOAD_ATTR, (i.arg << 1) | 1),
                    Op::LoadSuperAttr { method, two_args } => (
                        Opcode::LOAD_SUPER_ATTR,
                        (i.arg << 2) | u32::from(method) | (u32::from(two_args) << 1),
                    ),
                    // Already converted above; keep something harmless.
                    _ => (Opcode::NOP, 0),
                };
                instructions.push(Instruction::new(opcode, arg));
                locations.push(if i.loc.line < 0 {
                    Location::NONE
                } else {
                    Location {
                        line: i.loc.line as u32,
                        end_line: i.loc.end_line.max(0) as u32,
                        col: i.loc.col.max(0) as u32,
                        end_col: i.loc.end_col.max(0) as u32,
                    }
                });
                handlers.push(i.except);
            }
        }
        // Exception table.
        let mut exception_table = Vec::new();
        let mut cur: Option<usize> = None;
        let mut cur_start = 0usize;
        for (idx, h) in handlers.iter().enumerate() {
            if *h != cur {
                if let Some(hb) = cur {
                    exception_table.push(self.entry_for(hb, cur_start, idx, &start));
                }
                cur = *h;
                cur_start = idx;
            }
        }
        if let Some(hb) = cur {
            exception_table.push(self.entry_for(hb, cur_start, handlers.len(), &start));
        }
        Assembled {
            instructions,
            locations,
            exception_table,
            stack_size,
            constants: consts,
        }
    }

    fn entry_for(&self, hb: usize, s: usize, e: usize, start: &[usize]) -> ExceptionTableEntry {
        let blk = &self.blocks[hb];
        let mut depth = blk.startdepth.max(1) - 1;
        if blk.preserve_lasti {
            depth -= 1;
        }
        ExceptionTableEntry {
            start: s as u32,
            end: e as u32,
            target: start[hb] as u32,
            depth: depth.max(0) as u32,
            push_lasti: blk.preserve_lasti,
        }
    }
}

const VISITED: i32 = -1;

fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let base = *ix;
    let mut depth = instrs[base].arg as usize;
    let mut len = 0usize;
    let mut more = false;
    let limit = instrs.len() - base;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        let x = &instrs[base + len];
        if x.is(Opcode::SWAP) {
            depth = depth.max(x.arg as usize);
            more = true;
        } else if !x.is(Opcode::NOP) {
            break;
        }
    }
    if !more || depth == 0 {
        return;
    }
    let mut stack: Vec<i32> = (0..depth as i32).collect();
    for k in 0..len {
        let x = &instrs[base + k];
        if x.is(Opcode::SWAP) {
            let oparg = x.arg as usize;
            if oparg == 0 || oparg > depth {
                return;
            }
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as i32 {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return;
                }
                let x = &mut instrs[base + current as usize];
                x.op = Op::Real(Opcode::SWAP);
                x.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[base + current as usize].set_nop();
        current -= 1;
    }
    *ix += len - 1;
}

fn swappable(op: Op) -> bool {
    matches!(
        op,
        Op::Real(Opcode::STORE_FAST) | Op::StoreFastMaybeNull | Op::Real(Opcode::POP_TOP)
    )
}

fn stores_to(i: &Instr) -> i64 {
    if matches!(i.op, Op::Real(Opcode::STORE_FAST) | Op::StoreFastMaybeNull) {
        i.arg as i64
    } else {
        -1
    }
}

fn next_swappable(instrs: &[Instr], mut i: usize, lineno: Option<i32>) -> Option<usize> {
    loop {
        i += 1;
        if i >= instrs.len() {
            return None;
        }
        let x = &instrs[i];
        if let Some(l) = lineno {
            if l >= 0 && x.loc.line != l {
                return None;
            }
        }
        if x.is(Opcode::NOP) {
            continue;
        }
        if swappable(x.op) {
            return Some(i);
        }
        return None;
    }
}

fn apply_static_swaps(instrs: &mut [Instr], mut i: isize) {
    while i >= 0 {
        let iu = i as usize;
        if !instrs[iu].is(Opcode::SWAP) {
            if instrs[iu].is(Opcode::NOP) || swappable(instrs[iu].op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, None) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.line;
        let mut count = instrs[iu].arg as i64 - 1;
        while count > 0 {
            match next_swappable(instrs, k, Some(lineno)) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        let sj = stores_to(&instrs[j]);
        let sk = stores_to(&instrs[k]);
        if sj >= 0 || sk >= 0 {
            if sj == sk {
                return;
            }
            for ins in &instrs[j + 1..k] {
                let s = stores_to(ins);
                if s >= 0 && (s == sj || s == sk) {
                    return;
                }
            }
        }
        instrs[iu].set_nop();
        instrs.swap(j, k);
        i -= 1;
    }
}
