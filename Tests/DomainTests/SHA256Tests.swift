import Domain
import Foundation
import XCTest

final class SHA256Tests: XCTestCase {
  private func hex(_ text: String) -> String { SHA256.hex(SHA256.hash(Array(text.utf8))) }

  /// FIPS 180-4 / NIST example vectors.
  func testFIPSVectors() {
    XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    XCTAssertEqual(
      hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  func testOneMillionA() {
    var hasher = SHA256()
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    XCTAssertEqual(
      SHA256.hex(hasher.finalize()),
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Padding edges: 55 bytes fit one block, 56 need a second.
  func testPaddingBoundaries() {
    XCTAssertEqual(
      hex(String(repeating: "a", count: 55)),
      "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    XCTAssertEqual(
      hex(String(repeating: "a", count: 56)),
      "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    XCTAssertEqual(
      hex(String(repeating: "a", count: 64)),
      "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }

  /// Split at every offset 0…130 of a 131-byte message, and fed byte by byte: same digest.
  func testIncrementalUpdateAtEveryOffset() {
    let message = (0..<131).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let oneShot = SHA256.hash(message)
    for split in 0...130 {
      var hasher = SHA256()
      hasher.update(message[..<split])
      hasher.update(message[split...])
      XCTAssertEqual(hasher.finalize(), oneShot, "split at \(split)")
    }
    var bytewise = SHA256()
    for byte in message { bytewise.update([byte]) }
    XCTAssertEqual(bytewise.finalize(), oneShot)
  }

  /// Data, a string's UTF-8 view and a non-contiguous sequence hash like the same bytes in an array.
  func testInputKinds() {
    let text = "政务服务窗口 — 受理回执 №42"
    let expected = SHA256.hash(Array(text.utf8))
    var fromData = SHA256()
    fromData.update(Data(text.utf8))
    XCTAssertEqual(fromData.finalize(), expected)
    var fromUTF8 = SHA256()
    fromUTF8.update(text.utf8)
    XCTAssertEqual(fromUTF8.finalize(), expected)
    var fromLazy = SHA256()
    fromLazy.update(Array(text.utf8).lazy.map { $0 })
    XCTAssertEqual(fromLazy.finalize(), expected)
    let big = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    var fromBigLazy = SHA256()
    fromBigLazy.update(big.lazy.map { $0 })
    XCTAssertEqual(fromBigLazy.finalize(), SHA256.hash(big))
  }

  func testHexIsLowercase() {
    XCTAssertEqual(SHA256.hex([0x00, 0x0f, 0xab, 0xff]), "000fabff")
    XCTAssertEqual(SHA256.hex([]), "")
  }

  /// Random buffers of awkward sizes against the system's `sha256sum`.
  func testAgreesWithSha256sum() throws {
    let tool = URL(fileURLWithPath: "/usr/bin/sha256sum")
    guard FileManager.default.isExecutableFile(atPath: tool.path) else {
      throw XCTSkip("sha256sum not installed")
    }
    var random = SeededGenerator(seed: 180_4)
    for size in [0, 1, 63, 64, 65, 1000, 4096, 100_003] {
      let buffer = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
      let process = Process()
      process.executableURL = tool
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      // Write on another thread: a large buffer would fill the pipe before sha256sum reads it.
      let writer = input.fileHandleForWriting
      let feeding = Thread {
        writer.write(Data(buffer))
        try? writer.close()
      }
      feeding.start()
      let printed = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let expected = String(decoding: printed, as: UTF8.self).prefix(64)
      XCTAssertEqual(SHA256.hex(SHA256.hash(buffer)), String(expected), "size \(size)")
    }
  }
}
