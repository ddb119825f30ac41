import Domain

/// 事项目录 — the catalog lookups the intake desk needs, and nothing more.
///
/// The catalog feature's `Store` conforms; tests may pass a fixed list.
public protocol ItemDirectory {
  /// The current version of the item with this code and whether it is in use; nil when unknown.
  func directoryItem(code: String) throws -> DirectoryItem?
  /// Items whose name or code contains `text` (all when empty), at most `limit`.
  func searchDirectory(_ text: String, limit: Int) throws -> [DirectoryItem]
}

/// 登记申请 as typed at the counter (or received from the portal).
public struct RegistrationInput: Equatable, Sendable {
  public var itemCode: String
  public var applicant: Applicant
  public var channel: ApplicationChannel
  public var note: String
  /// One status per material of the item's current version.
  public var materials: [MaterialStatus]
  /// 代办人, 帮办, special groups (第十五条).
  public var assistance = ApplicationAssistance()

  public init(
    itemCode: String, applicant: Applicant, channel: ApplicationChannel = .counter,
    note: String = "", materials: [MaterialStatus],
    assistance: ApplicationAssistance = ApplicationAssistance()
  ) {
    self.assistance = assistance
    self.itemCode = itemCode
    self.applicant = applicant
    self.channel = channel
    self.note = note
    self.materials = materials
  }
}

/// What a command did: the case as it now stands and the notices it issued (to be written to
/// disk and printed after the transaction committed).
public struct ApplicationResult: Equatable, Sendable {
  public var application: Application
  public var notices: [IssuedNotice]

}
