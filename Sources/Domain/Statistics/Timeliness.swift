/// 按时办结 — how many cases an organisation concluded in a period and how many of those within
/// their limit, with the cases overdue today (第四十七、四十九条: 统计分析, 考核).
///
/// Applications count when 办结 (not 不予受理 or 撤回), against the promised limit pushed back by
/// every clock stop; complaints when concluded, against the limit of the round (extension
/// included).
public struct TimelinessFigures: StatisticsFigures {
  public var applicationsConcluded = 0
  public var applicationsOnTime = 0
  public var complaintsConcluded = 0
  public var complaintsOnTime = 0
  /// Open deadlines of any case kind already past due, as of the day of the report.
  public var overdueNow = 0

  public init(
    applicationsConcluded: Int = 0, applicationsOnTime: Int = 0, complaintsConcluded: Int = 0,
    complaintsOnTime: Int = 0, overdueNow: Int = 0
  ) {
    self.applicationsConcluded = applicationsConcluded
    self.applicationsOnTime = applicationsOnTime
    self.complaintsConcluded = complaintsConcluded
    self.complaintsOnTime = complaintsOnTime
    self.overdueNow = overdueNow
  }

  public var concluded: Int { applicationsConcluded + complaintsConcluded }
  public var onTime: Int { applicationsOnTime + complaintsOnTime }
  public var late: Int { concluded - onTime }

  /// 按时办结率; nil when nothing was concluded in the period.
  public var onTimeRate: Double? { rate(onTime, concluded) }
  public var applicationRate: Double? { rate(applicationsOnTime, applicationsConcluded) }
  public var complaintRate: Double? { rate(complaintsOnTime, complaintsConcluded) }

  public static func + (a: TimelinessFigures, b: TimelinessFigures) -> TimelinessFigures {
    TimelinessFigures(
      applicationsConcluded: a.applicationsConcluded + b.applicationsConcluded,
      applicationsOnTime: a.applicationsOnTime + b.applicationsOnTime,
      complaintsConcluded: a.complaintsConcluded + b.complaintsConcluded,
      complaintsOnTime: a.complaintsOnTime + b.complaintsOnTime,
      overdueNow: a.overdueNow + b.overdueNow)
  }

  public static let zero = TimelinessFigures()

  public static let csvHeader = [
    "办结总数", "按时办结", "超期办结", "按时办结率", "申请办结", "申请按时", "申请按时率", "投诉建议办结", "投诉建议按时",
    "投诉建议按时率", "当前超期",
  ]

  public var csvCells: [String] {
    let pct = SatisfactionFigures.percent
    return [
      String(concluded), String(onTime), String(late), pct(onTimeRate),
      String(applicationsConcluded), String(applicationsOnTime), pct(applicationRate),
      String(complaintsConcluded), String(complaintsOnTime), pct(complaintRate),
      String(overdueNow),
    ]
  }
}
