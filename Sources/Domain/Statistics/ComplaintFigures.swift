/// 投诉建议分析的一组数字 (第三十四条): how many were registered, concluded and in time, refused,
/// called back and how the complainants answered, and how many were reopened.
public struct ComplaintFigures: Equatable, Sendable {
  public var registered = 0
  /// Concluded (办结 or 认定无效) at least once, and of those within their limit.
  public var concluded = 0
  public var onTime = 0
  /// 不予受理
  public var rejected = 0
  /// Called back, and the latest answer: 满意, 基本满意, 不满意.
  public var satisfied = 0
  public var basicallySatisfied = 0
  public var unsatisfied = 0
  /// Sent back for another round after a 不满意 callback (第三十四条: 及时核实整改).
  public var reopened = 0

  public init() {}

  public var calledBack: Int { satisfied + basicallySatisfied + unsatisfied }
  /// 按时办结率
  public var onTimeRate: Double? { rate(onTime, concluded) }
  /// 回访满意率 — 满意 and 基本满意 of those called back.
  public var satisfactionRate: Double? { rate(satisfied + basicallySatisfied, calledBack) }
  /// 重办率 — reopened of those concluded.
  public var reopenRate: Double? { rate(reopened, concluded) }

  /// Counts one complaint in.
  public mutating func add(_ c: ComplaintFacts) {
    registered += 1
    if c.status == .rejected { rejected += 1 }
    if let onTime = c.onTime {
      concluded += 1
      if onTime { self.onTime += 1 }
    }
    switch c.satisfaction {
    case .satisfied?: satisfied += 1
    case .basicallySatisfied?: basicallySatisfied += 1
    case .unsatisfied?: unsatisfied += 1
    case nil: break
    }
    if c.round > 1 { reopened += 1 }
  }

  public static func + (a: Self, b: Self) -> Self {
    var s = a
    s.registered += b.registered
    s.concluded += b.concluded
    s.onTime += b.onTime
    s.rejected += b.rejected
    s.satisfied += b.satisfied
    s.basicallySatisfied += b.basicallySatisfied
    s.unsatisfied += b.unsatisfied
    s.reopened += b.reopened
    return s
  }

  public static let csvHeader = [
    "登记", "办结", "按时办结", "按时办结率", "不予受理", "已回访", "满意", "基本满意", "不满意", "回访满意率", "重办", "重办率",
  ]

  public var csvCells: [String] {
    let pct = SatisfactionFigures.percent
    return [
      String(registered), String(concluded), String(onTime), pct(onTimeRate), String(rejected),
      String(calledBack), String(satisfied), String(basicallySatisfied), String(unsatisfied),
      pct(satisfactionRate), String(reopened), pct(reopenRate),
    ]
  }
}

/// One complaint as the analysis reads it: the projection's row, with the reason of a 不予受理.
public struct ComplaintFacts: Equatable, Sendable {
  public var id: String
  public var type: ComplaintType
  public var channel: ComplaintChannel
  public var organisation: String
  public var registeredOn: CivilDate
  public var status: ComplaintStatus
  public var onTime: Bool?
  public var satisfaction: Satisfaction?
  public var round: Int
  public var subject: String
  public var contact: String
  public var confidential: Bool
  public var rejection: RejectionReason?

  public init(
    id: String, type: ComplaintType, channel: ComplaintChannel, organisation: String,
    registeredOn: CivilDate, status: ComplaintStatus, onTime: Bool? = nil,
    satisfaction: Satisfaction? = nil, round: Int = 1, subject: String, contact: String,
    confidential: Bool = false, rejection: RejectionReason? = nil
  ) {
    self.id = id
    self.type = type
    self.channel = channel
    self.organisation = organisation
    self.registeredOn = registeredOn
    self.status = status
    self.onTime = onTime
    self.satisfaction = satisfaction
    self.round = round
    self.subject = subject
    self.contact = contact
    self.confidential = confidential
    self.rejection = rejection
  }
}
