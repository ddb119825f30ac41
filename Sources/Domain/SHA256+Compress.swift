import Foundation

/// The SHA-256 compression function, kept apart from the buffering so its hot loop reads alone.
extension SHA256 {
  /// Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64
  /// primes (FIPS 180-4 §4.2.2).
  static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// Compresses every 64-byte block of `blocks` (whose count is a multiple of 64) into the state.
  mutating func compress(blocks: UnsafeRawBufferPointer) {
    guard let base = blocks.baseAddress else { return }
    var (s0, s1, s2, s3, s4, s5, s6, s7) = state
    // The 64-word message schedule lives on the stack: nothing is allocated per block.
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { buffer in
      guard let w = buffer.baseAddress else { return }
      Self.roundConstants.withUnsafeBufferPointer { constants in
        guard let k = constants.baseAddress else { return }
        var offset = 0
        while blocks.count &- offset >= 64 {
          let block = base + offset
          for i in 0..<16 {
            // Big-endian words; loadUnaligned because a slice of Data need not be aligned.
            w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
          }
          for i in 16..<64 {
            let x = w[i &- 15]
            let y = w[i &- 2]
            let sigma0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
            let sigma1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
            w[i] = w[i &- 16] &+ sigma0 &+ w[i &- 7] &+ sigma1
          }
          var (a, b, c, d, e, f, g, h) = (s0, s1, s2, s3, s4, s5, s6, s7)
          // Eight rounds per pass with the roles of the variables rotated by argument position,
          // instead of shifting eight values after every round.
          var i = 0
          while i < 64 {
            round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
            round(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
            round(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
            round(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
            round(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
            round(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
            round(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
            round(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
            i &+= 8
          }
          s0 = s0 &+ a
          s1 = s1 &+ b
          s2 = s2 &+ c
          s3 = s3 &+ d
          s4 = s4 &+ e
          s5 = s5 &+ f
          s6 = s6 &+ g
          s7 = s7 &+ h
          offset &+= 64
        }
      }
    }
    state = (s0, s1, s2, s3, s4, s5, s6, s7)
  }
}

/// One SHA-256 round (FIPS 180-4 §6.2.2 step 3) with `kw` = K[t] + W[t]: updates `d` and `h`; the
/// caller renames the other six by passing them in rotated order next time.
@inline(__always)
private func round(
  _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
  _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
) {
  let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
  let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
  d = d &+ t1
  h = t1 &+ t2
}

/// Rotate right; the compiler turns this into a single instruction.
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }
