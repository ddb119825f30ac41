import Domain
import Foundation
import XCTest

@testable import Store

/// The private copy in memory, read in chunks while its code is computed: accepted only when
/// every byte arrived and the code over them matches, and then holds exactly the file's image.
final class BundleSealImageTests: XCTestCase {
  let seal = BundleSeal(kind: .sync, from: "BYQ", to: "WXZ")
  var key: [UInt8] = []
  var dir: URL!

  override func setUpWithError() throws {
    key = try XCTUnwrap(HMACSHA256.randomKey())
    dir = temporaryDirectory()
  }

  /// An image of `size` bytes (several of the copy's chunks), sealed under `key`.
  func sealedFile(size: Int) throws -> (path: String, image: [UInt8]) {
    let image = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 11) }
    let path = dir.appendingPathComponent("\(UUID().uuidString).zwfb").path
    try FileWriter().write(Data(image), to: path)
    try seal.append(to: path, key: key)
    return (path, image)
  }

  func read(_ path: String, size: Int) throws -> (Bool, BundleImage) {
    let image = try XCTUnwrap(BundleImage(count: size))
    return (seal.readVerified(path: path, into: image, key: key), image)
  }

  func testTheWholeImageIsReadAndVerified() throws {
    for size in [1, 4096, (1 << 20) - 1, 1 << 20, (3 << 20) + 12345] {
      let (path, bytes) = try sealedFile(size: size)
      let (good, image) = try read(path, size: size)
      XCTAssertTrue(good, "size \(size)")
      XCTAssertTrue(image.readOnly.elementsEqual(bytes), "size \(size)")
      // The copy to a scratch file agrees.
      let copy = dir.appendingPathComponent("copy-\(size)").path
      XCTAssertTrue(
        try seal.copyVerified(path: path, to: copy, key: key, imageLength: UInt64(size)))
    }
  }

  func testAChangedByteAnywhereIsRefused() throws {
    let size = (3 << 20) + 12345
    let (path, bytes) = try sealedFile(size: size)
    let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
    XCTAssertTrue(whole.starts(with: bytes))
    for at in [0, (1 << 20) - 1, 1 << 20, 2_700_000, size - 1] {
      // The sealed file with one byte of its image changed, its trailer as it was.
      var changed = whole
      changed[at] ^= 0x01
      let doctored = dir.appendingPathComponent("changed-\(at).zwfb").path
      try FileWriter().write(changed, to: doctored)
      XCTAssertFalse(try read(doctored, size: size).0, "byte \(at)")
      XCTAssertFalse(
        try seal.copyVerified(
          path: doctored, to: dir.appendingPathComponent("copy-\(at)").path, key: key,
          imageLength: UInt64(size)))
    }
  }

  func testAShortFileOrTrailerIsRefused() throws {
    let size = (2 << 20) + 7
    let (path, _) = try sealedFile(size: size)
    let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
    for keep in [whole.count - 1, whole.count - BundleSeal.size, size - 1, 1 << 20, 10, 0] {
      let cut = dir.appendingPathComponent("cut-\(keep)").path
      try FileWriter().write(whole.prefix(keep), to: cut)
      XCTAssertFalse(try read(cut, size: size).0, "kept \(keep)")
    }
    // Another key, and a missing file.
    let other = try XCTUnwrap(HMACSHA256.randomKey())
    let image = try XCTUnwrap(BundleImage(count: size))
    XCTAssertFalse(seal.readVerified(path: path, into: image, key: other))
    XCTAssertFalse(
      seal.readVerified(path: dir.appendingPathComponent("missing").path, into: image, key: key))
  }
}
