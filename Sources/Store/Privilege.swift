import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 提权运行 — zwfw installed setgid to the data directory's group (`./install`), so clerks, who
/// are not in that group, reach the database only through zwfw.
///
/// Elevated, the program trusts nothing a clerk controls: it ignores the environment variables
/// that name files or the zone, refuses a fixed time (`--now`), opens databases only in the
/// installed data directory, and starts helpers (`lp`) without the group.
public enum Privilege {
  /// Running with a group other than the caller's: the setgid bit took effect.
  public static var isElevated: Bool { getegid() != getgid() }

  /// What an elevated zwfw ignores: another share directory (notice templates, rules, a fake
  /// holiday table), another zone (every deadline), another temporary directory — its own, or
  /// SQLite's (`SQLITE_TMPDIR`: a sort or a migration's statement journal spills the database's
  /// pages there).
  public static let ignoredWhenElevated = ["ZWFW_SHARE", "ZWFW_TZ", "TMPDIR", "SQLITE_TMPDIR"]

  /// The environment as the program may use it, and the process's own stripped to match (so
  /// Foundation's temporary directory cannot come from `TMPDIR`). What it creates is private by
  /// the umask `main` sets, the database group-shared by its explicit mode.
  public static func prepare(_ environment: [String: String]) -> [String: String] {
    guard isElevated else { return environment }
    var env = environment
    for name in ignoredWhenElevated {
      env[name] = nil
      unsetenv(name)
    }
    return env
  }

  /// Runs `body`, which starts a helper process, with the effective group set back to the real
  /// one: the child inherits the caller's own group, and its exec makes that its saved group too,
  /// so the helper can never regain the data directory's group.
  public static func withRealGroup<T>(_ body: () throws -> T) throws -> T {
    guard isElevated else { return try body() }
    let elevated = getegid()
    guard setegid(getgid()) == 0 else {
      throw StoreError.invalid("无法放弃 zwfw 组权限,外部程序未运行")
    }
    defer { _ = setegid(elevated) }
    return try body()
  }
}

/// 数据目录 — where an installed zwfw keeps its database: `share/zwfw/data-dir` (one line, the
/// absolute path), written by `./install` beside the share directory it installs. Only root can
/// change it, so an elevated zwfw believes it.
public enum DataDirectory {
  public static let fileName = "data-dir"

  public static func installed(in share: ShareDirectory) -> String? {
    guard let text = try? String(contentsOf: share.url(fileName), encoding: .utf8) else {
      return nil
    }
    let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.hasPrefix("/") ? path : nil
  }

  /// Whether `path` (a database or a backup, existing or not) lies in `directory`: the nearest
  /// existing ancestor, symbolic links resolved, is the directory or below it, and the rest of
  /// the path climbs nowhere (`..`).
  public static func contains(_ directory: String, path: String) -> Bool {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var existing = (absolute as NSString).deletingLastPathComponent
    var tail: [String] = []
    while realPath(existing) == nil, existing != "/", !existing.isEmpty {
      tail.insert((existing as NSString).lastPathComponent, at: 0)
      existing = (existing as NSString).deletingLastPathComponent
    }
    guard !tail.contains(".."), let real = realPath(existing), let root = realPath(directory)
    else { return false }
    return real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }
}
