/// 案件办理记录 — what staff record on any kind of case besides its workflow steps: notes and
/// progress entries, corrections of the registration, and who inside the organisation works it.
/// Kept in the case's state by the shared fold (`CaseWorkMachine.applyWork`).
public struct CaseWork: Codable, Equatable, Sendable {
  public var notes: [CaseNote] = []
  /// 经办人 — the named assignee inside the organisation that works the case (nil: unassigned).
  public var assignee: String?
  public var assignments: [CaseAssignment] = []
  public var redirections: [CaseRedirection] = []
  public var corrections: [CaseCorrection] = []
  /// 关联案件 added on this case after registration (removed ones keep their removal).
  public var links: [CaseLink] = []
  /// Removals of the links named at registration.
  public var unlinked: [CaseLinkRemoval] = []

  public init() {}
}

/// 备注的种类: an internal note, or a progress entry of how the case was worked.
public enum NoteKind: String, Codable, CaseIterable, Sendable {
  case note
  case phone
  case site
  case visit
  case other

  public var title: String {
    switch self {
    case .note: return "内部备注"
    case .phone: return "电话"
    case .site: return "现场"
    case .visit: return "走访"
    case .other: return "其他"
    }
  }

  /// How the timeline words it: 备注 for a note, 进展 for the rest.
  public var heading: String { self == .note ? "内部备注" : "办理进展(\(title))" }
}

/// One note or progress entry, as recorded.
public struct CaseNote: Codable, Equatable, Sendable {
  public var kind: NoteKind
  public var text: String
  public var by: String
  public var on: CivilDate
  /// Milliseconds since 1970: when it was written.
  public var at: Int64
}

/// 指派 or 认领 as recorded.
public struct CaseAssignment: Codable, Equatable, Sendable {
  public var assignee: String
  public var by: String
  public var on: CivilDate
  public var claimed: Bool { assignee == by }
}

/// 转办 as recorded: from which organisation to which, and why.
public struct CaseRedirection: Codable, Equatable, Sendable {
  public var from: String
  public var fromName: String
  public var to: String
  public var toName: String
  public var reason: String
  public var by: String
  public var on: CivilDate
}

/// A case state that keeps case work (every kind of case).
public protocol CaseWorkState {
  var work: CaseWork { get set }
}
