/**
 * A seeded pseudo-random generator, so a simulation gives identical results for identical seeds.
 *
 * Uniforms come from sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, public domain)
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Normals come from the
 * Marsaglia–Tsang ziggurat (128 layers, "The Ziggurat Method for Generating Random Variables",
 * J. Stat. Software 5(8), 2000), which needs one 32-bit draw for ~98% of samples; the layer index
 * uses the low 7 bits and the magnitude the other 25, avoiding the bit-sharing flaw Doornik noted.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const TWO_POW_32 = 4294967296;
const LAYERS = 128;
/** Right edge of the base layer, and the common area of each layer (Marsaglia–Tsang constants). */
const TAIL_START = 3.442619855899;
const LAYER_AREA = 9.91256303526217e-3;
const M1 = 2147483648;

/** Ziggurat tables: k = acceptance thresholds, w = scale to x, f = density at the layer edges. */
const KN = new Float64Array(LAYERS);
const WN = new Float64Array(LAYERS);
const FN = new Float64Array(LAYERS);
{
  let dn = TAIL_START;
  let tn = dn;
  const q = LAYER_AREA / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * M1;
  KN[1] = 0;
  WN[0] = q / M1;
  WN[LAYERS - 1] = dn / M1;
  FN[0] = 1;
  FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(LAYER_AREA / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * M1;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / M1;
  }
}

class SeededRandom implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.int32(); // discard the warm-up outputs
  }

  /** One sfc32 step, as a signed 32-bit integer. */
  int32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t;
  }

  next(): number {
    return (this.int32() >>> 0) / TWO_POW_32;
  }

  normal(): number {
    const draw = this.int32();
    const layer = draw & (LAYERS - 1);
    const magnitude = draw & ~(LAYERS - 1);
    if (Math.abs(magnitude) < KN[layer]!) return magnitude * WN[layer]!;
    return this.normalSlowPath(magnitude, layer);
  }

  /** The rare draws outside a layer's core rectangle: the wedge test or the tail (Marsaglia–Tsang "nfix"). */
  private normalSlowPath(firstMagnitude: number, firstLayer: number): number {
    let magnitude = firstMagnitude;
    let layer = firstLayer;
    for (;;) {
      const x = magnitude * WN[layer]!;
      if (layer === 0) {
        let tailX: number;
        let tailY: number;
        do {
          tailX = -Math.log(1 - this.next()) / TAIL_START;
          tailY = -Math.log(1 - this.next());
        } while (tailY + tailY < tailX * tailX);
        return magnitude > 0 ? TAIL_START + tailX : -TAIL_START - tailX;
      }
      if (FN[layer]! + this.next() * (FN[layer - 1]! - FN[layer]!) < Math.exp(-0.5 * x * x)) return x;
      const draw = this.int32();
      layer = draw & (LAYERS - 1);
      magnitude = draw & ~(LAYERS - 1);
      if (Math.abs(magnitude) < KN[layer]!) return magnitude * WN[layer]!;
    }
  }
}

export function seededRandom(seed: number): Random {
  return new SeededRandom(seed);
}
