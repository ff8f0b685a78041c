/**
 * "Next free index at or after i" over a cyclic range, in near-constant amortised time and
 * memory proportional to the taken indices: a sparse union–find whose taken indices point
 * at a later candidate (path compression keeps chains short). Lets the allocator probe a
 * /8 pool for 20,000 containers without a 16-million-entry array or quadratic scans.
 */
export class NextFree {
  readonly size: number;
  private readonly jump = new Map<number, number>();

  constructor(size: number) {
    this.size = size;
  }

  /** Number of taken indices. */
  get taken(): number {
    return this.jump.size;
  }

  isFree(i: number): boolean {
    return !this.jump.has(i);
  }

  take(i: number): void {
    if (!this.jump.has(i)) this.jump.set(i, (i + 1) % this.size);
  }

  /** The first free index at or after `start` (wrapping around), or `undefined` when full. */
  next(start: number): number | undefined {
    if (this.jump.size >= this.size) return undefined;
    let i = start % this.size;
    const path: number[] = [];
    for (let to = this.jump.get(i); to !== undefined; to = this.jump.get(i)) {
      path.push(i);
      i = to;
    }
    for (const p of path) this.jump.set(p, i);
    return i;
  }
}
