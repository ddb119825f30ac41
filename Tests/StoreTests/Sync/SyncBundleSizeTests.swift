import Domain
import Foundation
import XCTest

@testable import Store

#if canImport(Glibc)
  import Glibc
#endif

/// A bundle cannot fill the disk: one whose size is not what its header declares, or far more
/// than what it carries, is refused before anything is copied; the copy lives in zwfw's own
/// scratch folder and is gone when the import ends.
/// This process's copies in the scratch folder.
func scratchCopies() -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: ScratchFolder.path)) ?? []).filter {
    $0.hasPrefix("import-\(getpid())-")
  }
}

final class SyncBundleSizeTests: XCTestCase {
  func refusal(_ world: SyncWorld, _ file: String, to store: Store) -> String {
    var message = ""
    XCTAssertThrowsError(try world.deliver(file, to: store)) {
      message = ($0 as? UserFacingError)?.userMessage ?? "\($0)"
    }
    return message
  }

  func testAPaddedBundleIsRefusedBeforeAnyCopy() throws {
    let world = try SyncWorld()
    let township = try world.enrol("WXZ", name: "王岘镇")
    let file = try world.export(world.district, to: "WXZ")
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
    XCTAssertEqual(truncate(file, off_t(size + (64 << 20))), 0)
    let message = refusal(world, file, to: township)
    let image = size - BundleSeal.size
    XCTAssertTrue(message.contains("而其头部声明 \(image) 字节,未复制、未导入"), message)
    XCTAssertEqual(scratchCopies(), [])
    XCTAssertEqual(truncate(file, off_t(size)), 0)
    try world.deliver(file, to: township)
    XCTAssertEqual(scratchCopies(), [], "the copy is removed when the import ends")
  }

  /// A valid SQLite image whose header agrees, bloated with a 6 MB field outside any payload
  /// (checked on the authenticated copy, before anything else of it is read).
  func testAnImageFarLargerThanWhatItCarriesIsRefused() throws {
    let world = try SyncWorld()
    _ = try world.enrol("WXZ", name: "王岘镇")
    let file = try world.export(world.district, to: "WXZ")
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
    XCTAssertEqual(truncate(file, off_t(size - BundleSeal.size)), 0, "the image alone")
    XCTAssertNoThrow(try BundleReader.checkSizeLimit(copy: file, size: size, path: "b.zwfb"))
    do {
      let bundle = try Connection(path: file)
      try bundle.execute(
        """
        INSERT INTO event (origin, seq, stream, type, payload, actor, node, ts, prev_hash, hash)
        VALUES ('BYQ.1', 999999, hex(randomblob(3000000)), 't', '{}', 'a', 'BYQ', 0, '', '')
        """)
    }
    let bloated = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
    XCTAssertThrowsError(try BundleReader.checkSizeLimit(copy: file, size: bloated, path: "b.zwfb"))
    {
      let message = ($0 as? UserFacingError)?.userMessage ?? "\($0)"
      XCTAssertTrue(message.contains("远大于其中"), message)
    }
    XCTAssertGreaterThan(BundleReader.sizeLimit(payloadBytes: 25_000_000, items: 100_000), 25 << 20)
  }

  func testTheScratchFolderMustBeOursAlone() throws {
    let dir = temporaryDirectory().path
    setenv("TMPDIR", dir, 1)
    defer { unsetenv("TMPDIR") }
    XCTAssertEqual(try ScratchFolder.prepare(), dir + "/zwfw-\(getuid())")
    XCTAssertEqual(chmod(ScratchFolder.path, 0o755), 0)
    XCTAssertThrowsError(try ScratchFolder.prepare())
    XCTAssertEqual(chmod(ScratchFolder.path, 0o700), 0)
    // A copy whose process is gone (SIGKILL) is removed; a live one is left alone.
    let dead = ScratchFolder.path + "/import-999999999-x.zwfb"
    let live = ScratchFolder.path + "/import-\(getpid())-x.zwfb"
    for p in [dead, live] {
      try "".write(toFile: p, atomically: false, encoding: .utf8)
    }
    ScratchFolder.removeLeftovers()
    XCTAssertFalse(FileManager.default.fileExists(atPath: dead))
    XCTAssertTrue(FileManager.default.fileExists(atPath: live))
  }
}

/// The authenticated private copy is read in memory, or from a scratch file when the image is
/// larger than `BundleImage.memoryLimit`: either way what is applied is what was validated,
/// whatever happens to the bundle's file meanwhile, and nothing is left behind.
final class SyncPrivateCopyTests: XCTestCase {
  func importOverwritingTheFileAfterValidation(memoryLimit: Int) throws {
    let saved = BundleImage.memoryLimit
    BundleImage.memoryLimit = memoryLimit
    defer { BundleImage.memoryLimit = saved }
    let world = try SyncWorld()
    let township = try world.enrol("WXZ", name: "王岘镇")
    try makeTraffic(world.district, events: 200)
    let file = try world.export(world.district, to: "WXZ")
    let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
    var copies: [String] = []
    let summary = try township.importBundle(
      path: file, actor: "tester",
      afterValidation: {
        copies = scratchCopies()
        // Another program rewrites the bundle between the phases.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        try handle.write(contentsOf: Data(repeating: 0x5a, count: size))
        try handle.close()
      })
    XCTAssertEqual(summary.totalApplied, 200)
    XCTAssertEqual(copies.count, memoryLimit == 0 ? 1 : 0, "a scratch file only when too large")
    XCTAssertEqual(scratchCopies(), [], "nothing left behind")
    XCTAssertTrue(try township.verifyAudit().isIntact)
  }

  func testAnImageInMemoryIsNotChangedByTheFile() throws {
    try importOverwritingTheFileAfterValidation(memoryLimit: BundleImage.memoryLimit)
  }

  func testAnImageTooLargeForMemoryIsCopiedToAScratchFile() throws {
    try importOverwritingTheFileAfterValidation(memoryLimit: 0)
  }

  /// `ZWFW_BUNDLE_MEMORY_LIMIT` only lowers the limit; anything but a whole number is ignored.
  func testTheMemoryLimitSetting() {
    let full = BundleImage.defaultMemoryLimit
    XCTAssertEqual(BundleImage.configuredLimit(nil), full)
    XCTAssertEqual(BundleImage.configuredLimit("0"), 0)
    XCTAssertEqual(BundleImage.configuredLimit("1048576"), 1 << 20)
    XCTAssertEqual(BundleImage.configuredLimit("99999999999"), full)
    for nonsense in ["", "-1", "1e6", "一百"] {
      XCTAssertEqual(BundleImage.configuredLimit(nonsense), full, nonsense)
    }
  }
}
