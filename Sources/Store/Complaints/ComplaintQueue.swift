import Domain

/// 队列 — the views of the 投诉建议 pane, one key each.
public enum ComplaintView: String, CaseIterable, Sendable {
  /// 我的 — what waits on me: my dispatches awaiting dispatch or an extension decision, my
  /// organisation's unclaimed or my own open cases.
  case mine
  /// 本单位 — my organisation's open cases.
  case organisation
  /// 即将到期 — open, due within two working days (today included).
  case dueSoon
  /// 已超期
  case overdue
  /// 待回访 — concluded or found invalid, awaiting the callback.
  case callback
  /// 待督办回复 — a 督办 notice is waiting for its reply.
  case supervised
  /// 全部 — supervisors only.
  case all

  public var title: String {
    switch self {
    case .mine: return "我的"
    case .organisation: return "本单位"
    case .dueSoon: return "即将到期"
    case .overdue: return "已超期"
    case .callback: return "待回访"
    case .supervised: return "待督办回复"
    case .all: return "全部"
    }
  }
}

/// 筛选 — narrows any view; nil means every value.
public struct ComplaintFilter: Equatable, Sendable {
  public var org: String?
  public var type: ComplaintType?
  public var urgency: ComplaintUrgency?
  public var channel: ComplaintChannel?
  /// `/` search over subject and content.
  public var search: String?
  /// A view's count stops past this many (shown as 500+), filtered or not: it costs no more
  /// than this many index entries at any size of the district.
  public static let searchCountCap = 500

  public init(
    org: String? = nil, type: ComplaintType? = nil, urgency: ComplaintUrgency? = nil,
    channel: ComplaintChannel? = nil, search: String? = nil
  ) {
    self.org = org
    self.type = type
    self.urgency = urgency
    self.channel = channel
    self.search = search
  }

  public var isEmpty: Bool {
    org == nil && type == nil && urgency == nil && channel == nil && (search ?? "").isEmpty
  }
}

/// One line of a queue. A confidential case seen from outside its handling organisation
/// (supervisors excepted) comes `masked`: its number, badge and status only (第二十九条).
public struct ComplaintRow: Equatable, Sendable {
  public var caseID: String
  public var type: ComplaintType
  public var urgency: ComplaintUrgency
  public var channel: ComplaintChannel
  public var subject: String
  public var handlingOrg: String
  public var status: ComplaintStatus
  public var due: CivilDate?
  public var confidentiality: Confidentiality
  public var mergedInto: String?
  public var mergedCount: Int
  public var extensionState: ExtensionState?
  /// A 督办 notice on it awaits the reply.
  public var supervised: Bool
  /// Closed as 无法回访 (anonymous): never called back.
  public var notCalledBack = false
  /// Set by `Visibility.masked(_:)`, never read from the row.
  public var masked = false
  public var registeredOn: CivilDate?
}

/// A row of `queueSQL`, unmasked: `Visibility.masked(_:)` decides what the operator reads.
extension ComplaintRow: RowDecodable, Decodable {
  public static let table = "complaint"
  public static let keyColumn = "case_id"

  enum CodingKeys: String, CodingKey {
    case caseID = "case_id"
    case type, urgency, channel, subject
    case handlingOrg = "handling_org"
    case status
    case due = "due_date"
    case confidentiality
    case mergedInto = "merged_into"
    case mergedCount = "merged_count"
    case extensionState = "extension"
    case supervised
    case notCalledBack = "no_callback"
    case registeredOn = "registered_on"
  }
}

/// Who is asking and when: the queue's predicates depend on both.
public struct ComplaintQueueScope: Sendable {
  public var staff: Staff
  public var today: CivilDate
  /// The last day that counts as 即将到期 (`Countdown.soonUntil`).
  public var soonUntil: CivilDate

  public init(staff: Staff, today: CivilDate, calendar: WorkCalendar) {
    self.staff = staff
    self.today = today
    self.soonUntil = Countdown.soonUntil(today, calendar)
  }

  /// What the operator may list and read: every predicate and mask of the queue comes from it.
  public var visibility: Visibility { Visibility(staff) }
}
