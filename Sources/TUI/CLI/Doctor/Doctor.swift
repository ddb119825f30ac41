import Domain
import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// One line of `zwfw doctor`: passed, or failed with how to fix it.
public struct DoctorOutcome: Equatable {
  public var passed: Bool
  public var detail: String
  public var fix: String?

  public static func pass(_ detail: String) -> DoctorOutcome {
    DoctorOutcome(passed: true, detail: detail, fix: nil)
  }

  public static func fail(_ detail: String, fix: String) -> DoctorOutcome {
    DoctorOutcome(passed: false, detail: detail, fix: fix)
  }
}

/// One check: a title the administrator recognises and what to look at.
public struct DoctorCheck: Sendable {
  public let title: String
  public let run: @Sendable (DoctorContext) throws -> DoctorOutcome

  public init(_ title: String, run: @escaping @Sendable (DoctorContext) throws -> DoctorOutcome) {
    self.title = title
    self.run = run
  }
}

/// What the checks look at, gathered once.
public final class DoctorContext {
  public let env: CLIEnvironment
  public let databasePath: String
  public let executable: String?
  public let share: ShareDirectory?
  /// The installed data directory (`share/zwfw/data-dir`), nil when not installed.
  public let dataDirectory: String?
  public let backupDirectory: String
  private var opened: Result<Store, Error>?

  init(env: CLIEnvironment) {
    self.env = env
    databasePath = env.databasePath.path
    executable = ShareDirectory.executablePath()
    share = try? env.share()
    dataDirectory = env.dataDirectory ?? share.flatMap(DataDirectory.installed(in:))
    backupDirectory =
      env.arguments.option("--backup-dir")
      ?? (databasePath as NSString).deletingLastPathComponent + "/backups"
  }

  /// The node's database, opened once for every check that needs it.
  public func store() throws -> Store {
    if let opened { return try opened.get() }
    let r = Result {
      try Store.open(path: databasePath, zone: env.zone, clock: env.clock)
    }
    opened = r
    return try r.get()
  }

  /// The file's status (`stat(2)`), nil if it does not exist.
  public func status(_ path: String) -> stat? {
    var st = stat()
    return stat(path, &st) == 0 ? st : nil
  }
}

/// `zwfw doctor` — checks an installation, one line each, and exits 0 only when all pass.
///
/// The list is open: a feature adds its own checks (`PrintingChecks.all`, …) to `checks`.
public enum Doctor {
  public static var checks: [DoctorCheck] {
    InstallationChecks.all + DatabaseChecks.all + CallerChecks.all + RoutineChecks.all
      + PrintingChecks.all + NationalIdentityChecks.all
  }

  /// Runs every check; a check that throws fails with the error's message.
  static func run(_ context: DoctorContext, checks: [DoctorCheck] = checks) -> [(
    DoctorCheck, DoctorOutcome
  )] {
    checks.map { check in
      do {
        return (check, try check.run(context))
      } catch {
        return (check, .fail(CLI.message(for: error), fix: "按提示处理后再运行 zwfw doctor"))
      }
    }
  }

  static func line(_ check: DoctorCheck, _ o: DoctorOutcome) -> String {
    let mark = o.passed ? "✔" : "✘"
    let text = FieldText.sanitizeForDisplay("\(mark) \(check.title): \(o.detail)")
    guard let fix = o.fix else { return text }
    return text + " — 修复: " + FieldText.sanitizeForDisplay(fix)
  }

  static func command(_ env: CLIEnvironment, _ out: Output) throws {
    let results = run(DoctorContext(env: env))
    for (check, outcome) in results { out.line(line(check, outcome)) }
    let failed = results.filter { !$0.1.passed }.count
    guard failed == 0 else { throw DoctorFailed(count: failed, total: results.count) }
    out.line("全部 \(results.count) 项检查通过")
  }
}

struct DoctorFailed: UserFacingError {
  var count: Int
  var total: Int
  var userMessage: String { "\(total) 项检查中有 \(count) 项未通过" }
}

extension DoctorCheck {
  /// Age as an administrator reads it: `3 小时`, `2 天`.
  static func age(_ seconds: TimeInterval) -> String {
    let s = max(0, Int(seconds))
    if s < 3600 { return "\(s / 60) 分钟" }
    if s < 86_400 { return "\(s / 3600) 小时" }
    return "\(s / 86_400) 天"
  }

  static func octal(_ mode: mode_t) -> String { String(Int(mode & 0o7777), radix: 8) }

  static func groupName(_ gid: gid_t) -> String {
    if let g = getgrgid(gid), let n = g.pointee.gr_name { return String(cString: n) }
    return "\(gid)"
  }
}
