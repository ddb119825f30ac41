import Foundation

/// 测试临时目录 — every scratch folder of one test process lives under one root, removed when the
/// process exits: a folder left behind by each test filled the disk over a day of runs.
public enum Scratch {
  static let root = FileManager.default.temporaryDirectory.appendingPathComponent(
    "zwfw-\(UUID().uuidString.prefix(8))")
  private static let cleanup: Void = {
    atexit { try? FileManager.default.removeItem(at: Scratch.root) }
  }()

  /// A new, empty folder under the process's root (`label` says which suite made it). Its path is
  /// as long as `zwfw-<label>-<UUID>` beside the root was: screens showing a saved file's path
  /// wrap as they did.
  public static func directory(_ label: String) -> URL {
    _ = cleanup
    let url = root.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(27))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
