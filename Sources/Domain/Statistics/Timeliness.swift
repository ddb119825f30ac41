/// 按时办结 — how many cases an organisation concluded in a period and how many of those within
/// their limit, with the cases overdue today (第四十七、四十九条: 统计分析, 考核).
///
/// Applications count when 办结 (not 不予受理 or 撤回), against the promised limit pushed back by
/// every clock stop; complaints when concluded, against the limit of the round (extension
/// included).
public struct TimelinessFigures: Equatable, Sendable {
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
  public var onTimeRate: Double? { Self.rate(onTime, concluded) }
  public var applicationRate: Double? { Self.rate(applicationsOnTime, applicationsConcluded) }
  public var complaintRate: Double? { Self.rate(complaintsOnTime, complaintsConcluded) }

  static func rate(_ part: Int, _ whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
  }

  public static func + (a: TimelinessFigures, b: TimelinessFigures) -> TimelinessFigures {
    TimelinessFigures(
      applicationsConcluded: a.applicationsConcluded + b.applicationsConcluded,
      applicationsOnTime: a.applicationsOnTime + b.applicationsOnTime,
      complaintsConcluded: a.complaintsConcluded + b.complaintsConcluded,
      complaintsOnTime: a.complaintsOnTime + b.complaintsOnTime,
      overdueNow: a.overdueNow + b.overdueNow)
  }
}

/// One organisation's line of the timeliness report.
public struct OrganisationTimeliness: Equatable, Sendable {
  public var organisation: String
  public var name: String
  public var figures: TimelinessFigures

  public init(organisation: String, name: String, figures: TimelinessFigures) {
    self.organisation = organisation
    self.name = name
    self.figures = figures
  }
}

/// The timeliness report as CSV for WPS/Excel: UTF-8 with a byte-order mark, CRLF lines, a total
/// line, and cells that could be read as formulas quoted.
public enum TimelinessCSV {
  public static let header = [
    "单位代码", "单位名称", "统计期间", "办结总数", "按时办结", "超期办结", "按时办结率", "申请办结", "申请按时",
    "申请按时率", "投诉建议办结", "投诉建议按时", "投诉建议按时率", "当前超期",
  ]

  public static func render(_ rows: [OrganisationTimeliness], period: StatisticsPeriod) -> String {
    var lines = [header.map(SatisfactionCSV.field).joined(separator: ",")]
    let total = rows.reduce(TimelinessFigures()) { $0 + $1.figures }
    for r in rows + [OrganisationTimeliness(organisation: "", name: "合计", figures: total)] {
      let f = r.figures
      let pct = SatisfactionFigures.percent
      let cells = [
        r.organisation, r.name, period.title, String(f.concluded), String(f.onTime),
        String(f.late), pct(f.onTimeRate), String(f.applicationsConcluded),
        String(f.applicationsOnTime), pct(f.applicationRate), String(f.complaintsConcluded),
        String(f.complaintsOnTime), pct(f.complaintRate), String(f.overdueNow),
      ]
      lines.append(cells.map(SatisfactionCSV.field).joined(separator: ","))
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }
}
