/// 规则参数 — the numbers of the regulation kept as data (limits, the return window, the
/// escalation ladder), so the district can follow a revised regulation without a new build.
///
/// Authored by the district only (数据同源, 第十三条) and synced to the townships like the calendar.
/// A case records the numbers it was decided under (its limit, its return window) in its own
/// events, so changing a rule never moves an existing deadline.
public struct RuleTable: Equatable, Sendable {
  public private(set) var values: [String: Int]

  public init(values: [String: Int] = [:]) { self.values = values }

  /// One parameter: key, what it means, the regulation's value and the article.
  public struct Definition: Sendable, Equatable {
    public let key: String
    public let title: String
    public let defaultValue: Int
    public let range: ClosedRange<Int>
    public let article: String?
  }

  /// 办理时限 may be set from 1 to 60 working days, whatever the class.
  public static let limitRange = 1...60

  /// The 办理时限 of a class of complaint (第三十二条(一)至(四)).
  static func limit(_ u: ComplaintUrgency, _ title: String, _ days: Int, _ article: String)
    -> Definition
  {
    Definition(
      key: u.ruleKey, title: title, defaultValue: days, range: limitRange, article: article)
  }

  /// Every parameter this build knows, in display order.
  public static let definitions: [Definition] = [
    limit(.urgent, "紧急类投诉建议办理时限(工作日)", 3, "第三十二条(一)"),
    limit(.fairlyUrgent, "一般紧急类投诉建议办理时限(工作日)", 5, "第三十二条(二)"),
    limit(.ordinary, "普通类投诉建议办理时限(工作日)", 15, "第三十二条(三)"),
    limit(.portalEnquiry, "「我要咨询」栏目办理时限(工作日)", 3, "第三十二条(四)"),
    limit(.portalComplaint, "「我要投诉」栏目办理时限(工作日)", 7, "第三十二条(四)"),
    limit(.portalSuggestion, "「我要建议」栏目办理时限(工作日)", 7, "第三十二条(四)"),
    Definition(
      key: RuleKey.returnWindow, title: "收到转交后可退回的期限(工作日)", defaultValue: 1, range: 0...10,
      article: "第三十三条"),
    Definition(
      key: RuleKey.warningDays, title: "预警: 剩余不超过N个工作日", defaultValue: 1, range: 0...10,
      article: nil),
    Definition(
      key: RuleKey.reminderDays, title: "催办: 超期第N个工作日", defaultValue: 1, range: 1...10,
      article: nil),
    Definition(
      key: RuleKey.noticeDays, title: "通报: 催办后再过N个工作日", defaultValue: 5, range: 1...30,
      article: nil),
    Definition(
      key: RuleKey.supervisionReplyDays, title: "督办回复期限默认值(工作日)", defaultValue: 3,
      range: SupervisionReducer.replyDayRange, article: "第三十条"),
  ]

  public static func definition(_ key: String) -> Definition? {
    definitions.first { $0.key == key }
  }

  /// The value in force: the stored one, or the regulation's while the district has not yet
  /// written (or a township not yet received) the table.
  public func value(_ key: String) -> Int {
    values[key] ?? Self.definition(key)?.defaultValue ?? 0
  }

  public mutating func set(_ key: String, _ value: Int) { values[key] = value }

  /// 办理时限 for a class of complaint (第三十二条).
  public func limit(for urgency: ComplaintUrgency) -> Int { value(urgency.ruleKey) }

  public var returnWindow: Int { value(RuleKey.returnWindow) }
  public var escalation: EscalationRules {
    EscalationRules(
      warning: value(RuleKey.warningDays), reminder: value(RuleKey.reminderDays),
      notice: value(RuleKey.noticeDays))
  }

  /// Checks a value typed for `key`; nil when acceptable.
  public static func check(key: String, value text: String) -> Result<Int, Refusal> {
    guard let d = definition(key) else {
      let known = definitions.map(\.key).joined(separator: " ")
      return .failure(Refusal("未知的规则参数「\(FieldText.sanitizeForDisplay(key))」,可用: \(known)"))
    }
    guard let n = Int(text.trimmingSpaces()), d.range.contains(n) else {
      return .failure(
        Refusal("「\(d.title)」应为\(d.range.lowerBound)至\(d.range.upperBound)之间的整数"))
    }
    return .success(n)
  }
}

/// Keys of the parameters that are not complaint limits.
public enum RuleKey {
  public static let returnWindow = "complaint.returnWindow"
  public static let warningDays = "escalation.warning"
  public static let reminderDays = "escalation.reminder"
  public static let noticeDays = "escalation.notice"
  public static let supervisionReplyDays = "supervision.replyDays"
}

/// Payload of `rule.set`.
public struct RuleValue: EventPayload {
  public var value: Int
  /// Why it changed (a revised regulation, the shipped defaults).
  public var note: String
}

/// 规则参数 stream `rule/KEY`: the last value wins, in fold order.
public enum RuleReducer: ReplacingReducer {
  public typealias State = RuleValue
  public typealias Payload = RuleValue
  public static let streamKind = "rule"
  public static let eventTypes: Set<EventType> = [.ruleSet]
  public static let noun = "规则参数"

  /// Parses the shipped defaults (`share/zwfw/rules.tsv`: key, value, description).
  public static func parseDefaults(_ rows: [[String]]) -> Result<[(String, Int)], Refusal> {
    var out: [(String, Int)] = []
    for (i, row) in rows.enumerated() {
      guard row.count >= 2 else { return .failure(Refusal("rules.tsv 第\(i + 1)行格式错误")) }
      switch RuleTable.check(key: row[0], value: row[1]) {
      case .success(let n): out.append((row[0], n))
      case .failure(let r): return .failure(Refusal("rules.tsv 第\(i + 1)行: \(r.message)"))
      }
    }
    return .success(out)
  }
}

/// 预警升级 — the automatic ladder: a warning shortly before the deadline, a reminder the working
/// day after it, a public notice (通报) some working days later.
public struct EscalationRules: Equatable, Sendable {
  /// 预警 when at most this many working days are left (今日到期 counts as 0).
  public var warning: Int
  /// 催办 from this working day after the deadline.
  public var reminder: Int
  /// 通报 this many working days after the reminder.
  public var notice: Int

  public func stage(_ countdown: Countdown) -> EscalationStage {
    switch countdown {
    case .remaining(let n): return n <= warning ? .warning : .none
    case .dueToday: return .warning
    case .overdue(let n):
      if n >= reminder + notice { return .notice }
      if n >= reminder { return .reminder }
      return .warning
    }
  }
}

/// 升级阶段 — ordered: each later stage includes the earlier ones.
public enum EscalationStage: Int, Sendable, Comparable, CaseIterable {
  case none
  case warning
  case reminder
  case notice

  public var title: String {
    switch self {
    case .none: return ""
    case .warning: return "预警"
    case .reminder: return "催办"
    case .notice: return "通报"
    }
  }

  public static func < (a: EscalationStage, b: EscalationStage) -> Bool { a.rawValue < b.rawValue }
}
