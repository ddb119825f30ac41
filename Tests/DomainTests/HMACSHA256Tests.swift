import Domain
import XCTest

/// RFC 4231 test vectors for HMAC-SHA-256 (cases 1–7; case 5's truncated output is compared on
/// its first 128 bits, as the RFC does).
final class HMACSHA256Tests: XCTestCase {
  private func bytes(_ hex: String) throws -> [UInt8] {
    try XCTUnwrap(HMACSHA256.bytes(hex: hex))
  }

  private func mac(_ key: [UInt8], _ data: [UInt8]) -> String {
    SHA256.hex(HMACSHA256.mac(key: key, message: data))
  }

  func testRFC4231Case1() throws {
    XCTAssertEqual(
      mac([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8)),
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
  }

  func testRFC4231Case2() {
    XCTAssertEqual(
      mac(Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  func testRFC4231Case3() {
    XCTAssertEqual(
      mac([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50)),
      "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
  }

  func testRFC4231Case4() throws {
    XCTAssertEqual(
      mac(
        try bytes("0102030405060708090a0b0c0d0e0f10111213141516171819"),
        [UInt8](repeating: 0xcd, count: 50)),
      "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
  }

  func testRFC4231Case5Truncated() {
    let full = mac([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8))
    XCTAssertEqual(String(full.prefix(32)), "a3b6167473100ee06e0c796c2955552b")
  }

  func testRFC4231Case6LongKey() {
    XCTAssertEqual(
      mac(
        [UInt8](repeating: 0xaa, count: 131),
        Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  func testRFC4231Case7LongKeyAndData() {
    let data =
      "This is a test using a larger than block-size key and a larger than block-size data. "
      + "The key needs to be hashed before being used by the HMAC algorithm."
    XCTAssertEqual(
      mac([UInt8](repeating: 0xaa, count: 131), Array(data.utf8)),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
  }

  /// Fed in pieces or at once, the code is the same.
  func testStreamingEqualsOneShot() {
    let key = [UInt8](repeating: 7, count: 32)
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var h = HMACSHA256(key: key)
    for chunk in stride(from: 0, to: message.count, by: 97) {
      h.update(message[chunk..<min(chunk + 97, message.count)])
    }
    XCTAssertEqual(h.finalize(), HMACSHA256.mac(key: key, message: message))
  }

  func testRandomKeysDiffer() throws {
    let a = try XCTUnwrap(HMACSHA256.randomKey())
    let b = try XCTUnwrap(HMACSHA256.randomKey())
    XCTAssertEqual(a.count, 32)
    XCTAssertNotEqual(a, b)
  }

  func testConstantTimeEquality() {
    XCTAssertTrue(HMACSHA256.equal([1, 2, 3], [1, 2, 3]))
    XCTAssertFalse(HMACSHA256.equal([1, 2, 3], [1, 2, 4]))
    XCTAssertFalse(HMACSHA256.equal([1, 2], [1, 2, 3]))
  }
}
