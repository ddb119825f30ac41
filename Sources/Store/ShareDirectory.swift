import Foundation

/// 数据目录 — the `share/zwfw` directory shipped with the program (calendar, demo data, limits,
/// notice templates).
///
/// Found with no configuration from `swift run`, from `.build/`, or installed under a prefix
/// (`bin/zwfw` beside `share/zwfw/`); `ZWFW_SHARE` overrides.
public struct ShareDirectory: Sendable {
  public let path: String

  public init(path: String) { self.path = path }

  /// The file that proves a directory is ours.
  static let marker = "holidays.tsv"

  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> ShareDirectory
  {
    if !Privilege.isElevated, let explicit = environment["ZWFW_SHARE"], !explicit.isEmpty {
      let dir = ShareDirectory(path: explicit)
      guard dir.exists(marker) else {
        throw StoreError.invalid("ZWFW_SHARE=\(explicit) 中没有 \(marker),请检查数据目录")
      }
      return dir
    }
    var starts: [URL] = []
    if let exe = executablePath() {
      starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
    }
    // Elevated (setgid), only the installed share beside the binary counts, never the caller's.
    if !Privilege.isElevated {
      starts.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
    for start in starts {
      var dir = start.standardizedFileURL
      // Installed: <prefix>/bin/zwfw → <prefix>/share/zwfw. Built: <repo>/.build/<triple>/debug.
      for _ in 0..<6 {
        let candidate = dir.appendingPathComponent("share/zwfw")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
          return ShareDirectory(path: candidate.path)
        }
        dir.deleteLastPathComponent()
      }
    }
    throw StoreError.invalid(
      "找不到 zwfw 数据目录 share/zwfw(节假日、演示数据、文书模板)。请设置 ZWFW_SHARE 指向它")
  }

  public static func executablePath() -> String? {
    #if os(Linux)
      if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return p
      }
    #endif
    return CommandLine.arguments.first.map { ($0 as NSString).standardizingPath }
  }

  public func url(_ relative: String) -> URL {
    URL(fileURLWithPath: path).appendingPathComponent(relative)
  }

  public func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: url(relative).path)
  }

  /// Reads a shipped text file; a missing or unreadable one is a clear message, never silence.
  public func read(_ relative: String) throws -> String {
    do {
      return try String(contentsOf: url(relative), encoding: .utf8)
    } catch {
      throw StoreError.invalid("无法读取数据文件 \(url(relative).path)")
    }
  }

  /// Tab-separated rows of a shipped table, skipping `#` comments and blank lines.
  public func table(_ relative: String) throws -> [[String]] {
    try read(relative).split(separator: "\n").compactMap { line in
      let l = line.trimmingSpaces()
      if l.isEmpty || l.hasPrefix("#") { return nil }
      return line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingSpaces()
      }
    }
  }
}
