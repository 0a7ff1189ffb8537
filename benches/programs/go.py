# A small Go player: Monte-Carlo tree search with UCT over random playouts on a
# 7x7 board, written with classes. The board keeps stones in a flat list with
# precomputed neighbour lists; groups and liberties are found by flood fill,
# captures and suicide are checked on every move, and a simple ko point forbids
# immediate recapture. Playouts pick random moves from a seeded random.Random
# (so the game is the same on every run) and never fill their own eyes; the
# result is scored by area with komi. Stresses method calls, list indexing,
# small loops, sets and the random module.
import math
import random
import sys

SIZE = 7
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
KOMI = 7.5


def other(color):
    return BLACK + WHITE - color


class Board:
    def __init__(self):
        self.size = SIZE
        self.points = SIZE * SIZE
        self.stones = [EMPTY] * self.points
        self.neighbours = []
        for pos in range(self.points):
            x, y = pos % SIZE, pos // SIZE
            near = []
            if x > 0:
                near.append(pos - 1)
            if x < SIZE - 1:
                near.append(pos + 1)
            if y > 0:
                near.append(pos - SIZE)
            if y < SIZE - 1:
                near.append(pos + SIZE)
            self.neighbours.append(near)
        self.to_move = BLACK
        self.ko = None
        self.passes = 0
        self.history = []

    def copy(self):
        b = Board.__new__(Board)
        b.size = self.size
        b.points = self.points
        b.stones = self.stones[:]
        b.neighbours = self.neighbours
        b.to_move = self.to_move
        b.ko = self.ko
        b.passes = self.passes
        b.history = []
        return b

    def group(self, pos):
        """The stones connected to `pos` and whether the group has a liberty."""
        color = self.stones[pos]
        stones = [pos]
        seen = {pos}
        has_liberty = False
        i = 0
        while i < len(stones):
            for n in self.neighbours[stones[i]]:
                c = self.stones[n]
                if c == EMPTY:
                    has_liberty = True
                elif c == color and n not in seen:
                    seen.add(n)
                    stones.append(n)
            i += 1
        return stones, has_liberty

    def is_eye(self, pos, color):
        for n in self.neighbours[pos]:
            if self.stones[n] != color:
                return False
        return True

    def legal(self, pos, color):
        if self.stones[pos] != EMPTY or pos == self.ko:
            return False
        for n in self.neighbours[pos]:
            if self.stones[n] == EMPTY:
                return True
        # Every neighbour is a stone: legal if it captures or joins a group that
        # keeps a liberty.
        self.stones[pos] = color
        ok = False
        for n in self.neighbours[pos]:
            stones, has_liberty = self.group(n)
            if self.stones[n] == color:
                if has_liberty:
                    ok = True
                    break
            elif not has_liberty:
                ok = True
                break
        self.stones[pos] = EMPTY
        return ok

    def play(self, pos):
        color = self.to_move
        self.history.append(pos)
        if pos == PASS:
            self.passes += 1
            self.ko = None
            self.to_move = other(color)
            return 0
        self.passes = 0
        self.stones[pos] = color
        enemy = other(color)
        captured = []
        for n in self.neighbours[pos]:
            if self.stones[n] == enemy:
                stones, has_liberty = self.group(n)
                if not has_liberty:
                    for s in stones:
                        self.stones[s] = EMPTY
                    captured.extend(stones)
        self.ko = None
        if len(captured) == 1:
            # A single capture by a lone stone in atari is a ko shape.
            stones, _ = self.group(pos)
            if len(stones) == 1:
                self.ko = captured[0]
        self.to_move = enemy
        return len(captured)

    def candidate_moves(self, color):
        return [p for p in range(self.points)
                if self.stones[p] == EMPTY and not self.is_eye(p, color)
                and self.legal(p, color)]

    def random_move(self, rng):
        color = self.to_move
        empties = [p for p in range(self.points) if self.stones[p] == EMPTY]
        while empties:
            i = rng.randrange(len(empties))
            pos = empties[i]
            if not self.is_eye(pos, color) and self.legal(pos, color):
                return pos
            empties[i] = empties[-1]
            empties.pop()
        return PASS

    def score(self, color):
        """Area score of `color` (komi goes to white)."""
        total = KOMI if color == WHITE else 0.0
        for pos in range(self.points):
            c = self.stones[pos]
            if c == color:
                total += 1
            elif c == EMPTY:
                owners = set()
                for n in self.neighbours[pos]:
                    owners.add(self.stones[n])
                if owners == {color}:
                    total += 1
        return total

    def winner(self):
        black = self.score(BLACK)
        white = self.score(WHITE)
        return BLACK if black > white else WHITE

    def __str__(self):
        rows = []
        marks = ".XO"
        for y in range(self.size - 1, -1, -1):
            row = "".join(marks[self.stones[y * self.size + x]] for x in range(self.size))
            rows.append(row)
        return "\n".join(rows)


class UCTNode:
    def __init__(self, move, parent, board):
        self.move = move
        self.parent = parent
        self.children = []
        self.wins = 0
        self.visits = 0
        self.untried = board.candidate_moves(board.to_move)
        # The player who made `move`, whose wins this node counts.
        self.player = other(board.to_move)

    def select_child(self):
        log_visits = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + math.sqrt(2.0 * log_visits / child.visits)
            if value > best_value:
                best_value = value
                best = child
        return best

    def expand(self, board, rng):
        i = rng.randrange(len(self.untried))
        move = self.untried[i]
        self.untried[i] = self.untried[-1]
        self.untried.pop()
        board.play(move)
        child = UCTNode(move, self, board)
        self.children.append(child)
        return child

    def update(self, winner):
        self.visits += 1
        if winner == self.player:
            self.wins += 1


def playout(board, rng, max_moves):
    moves = 0
    while board.passes < 2 and moves < max_moves:
        board.play(board.random_move(rng))
        moves += 1
    return board.winner()


def uct_search(board, rng, iterations):
    root = UCTNode(PASS, None, board)
    for _ in range(iterations):
        node = root
        b = board.copy()
        while not node.untried and node.children:
            node = node.select_child()
            b.play(node.move)
        if node.untried:
            node = node.expand(b, rng)
        winner = playout(b, rng, 2 * b.points)
        while node is not None:
            node.update(winner)
            node = node.parent
    if not root.children:
        return PASS, 0
    best = max(root.children, key=lambda c: (c.visits, c.wins, -c.move))
    return best.move, best.visits


def play_game(rng, moves, iterations):
    board = Board()
    captures = 0
    for _ in range(moves):
        move, visits = uct_search(board, rng, iterations)
        captures += board.play(move)
        if board.passes >= 2:
            break
    return board, captures


def main():
    iterations = 45
    if len(sys.argv) > 1:
        iterations = int(sys.argv[1])
    rng = random.Random(20261124)
    board, captures = play_game(rng, 10, iterations)
    checksum = sum((i + 1) * s for i, s in enumerate(board.stones))
    print(board)
    print("go", iterations, len(board.history), captures, checksum,
          board.score(BLACK), board.score(WHITE), board.history)


main()
