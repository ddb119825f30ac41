import Domain
import Foundation

/// 文书设置 — where this node saves notices and which printer prints them: node-local settings
/// (`nodesetting/…`, never synchronised) whose keys also carry the node code, so a value can never
/// apply to another node.
public struct NoticeSettings: Equatable, Sendable {
  /// Absolute directory the notices are saved under.
  public var directory: String
  /// The CUPS destination for `lp -d`, nil when notices are only saved.
  public var printer: String?
  /// True when no directory was configured (the default beside the database).
  public var directoryIsDefault: Bool
}

extension NoticeSettings {
  /// A CUPS queue name as `lp -d` takes it: it never starts with `-` (it would read as an
  /// option) and is short enough for the status line.
  public static func checkPrinterName(_ name: String) -> Refusal? {
    guard let first = name.first, first.isASCII, first.isLetter || first.isNumber, name.count <= 40,
      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) })
    else { return Refusal("打印机名称应以字母或数字开头,只含字母、数字和 - _ . @,不超过40个字符") }
    return nil
  }
}

extension Store {
  var noticeDirectoryKey: String { "notice.directory@\(node.code)" }
  var noticePrinterKey: String { "notice.printer@\(node.code)" }

  func settingValue(_ key: String) throws -> String? {
    try db.value(
      "value", of: "setting", as: String.self, "SELECT value FROM setting WHERE key = ?", [key])
  }

  /// The directory of the database file: relative notice directories are taken from here.
  var databaseDirectory: String {
    let dir = (db.path as NSString).deletingLastPathComponent
    return dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
  }

  public func noticeSettings() throws -> NoticeSettings {
    let configured = try settingValue(noticeDirectoryKey).flatMap { $0.isEmpty ? nil : $0 }
    let printer = try settingValue(noticePrinterKey).flatMap { $0.isEmpty ? nil : $0 }
    let dir = configured ?? "notices"
    let absolute =
      dir.hasPrefix("/") ? dir : (databaseDirectory as NSString).appendingPathComponent(dir)
    return NoticeSettings(
      directory: (absolute as NSString).standardizingPath, printer: printer,
      directoryIsDefault: configured == nil)
  }

  /// Sets the notice directory and/or the printer (`""` clears the printer, and resets the
  /// directory to the default); node admins only.
  public func configureNotices(directory: String?, printer: String?, by admin: Staff) throws {
    try write(as: admin, ApplicationActions.configureNotices, subject: "setting") { tx in
      var drafts: [EventDraft] = []
      if let directory {
        let d = directory.trimmingSpaces()
        if let p = FieldText.check(d, field: "文书目录", required: false, maxLength: 400) {
          throw Refusal(p.message)
        }
        drafts.append(
          NodeSettingReducer.changed(noticeDirectoryKey, to: d))
      }
      if let printer {
        let p = printer.trimmingSpaces()
        if !p.isEmpty, let r = NoticeSettings.checkPrinterName(p) { throw r }
        drafts.append(
          NodeSettingReducer.changed(noticePrinterKey, to: p))
      }
      guard !drafts.isEmpty else { throw Refusal("请指定 --dir 或 --printer") }
      try tx.append(drafts)
    }
  }

  /// The notice office for this node's settings.
  public func noticeOffice(share: ShareDirectory) throws -> NoticeOffice {
    var office = NoticeOffice(share: share, settings: try noticeSettings()) { [self] code in
      try? organisationRecord(code)
    }
    office.files = FileWriter(access: files.access)
    return office
  }

  /// An organisation as it stands, with the fields only papers need (full name, address,
  /// phone): folded from its own stream, so the `org` table keeps to what lists show.
  public func organisationRecord(_ code: String) throws -> Organisation? {
    var state: OrganisationReducer.State?
    for e in try Journal.events(stream: OrganisationReducer.stream(code), db: db) {
      if case .success(let next) = OrganisationReducer.apply(state, e, foldContext) {
        state = next
      }
    }
    return state?.organisation
  }
}
