/// How the complaint analysis breaks the period's complaints down (`--by`).
public enum ComplaintGrouping: String, CaseIterable, Sendable {
  case type, channel, org, month

  public var title: String {
    switch self {
    case .type: return "类型"
    case .channel: return "渠道"
    case .org: return "单位"
    case .month: return "月份"
    }
  }
}

/// 投诉建议分析 (第三十四条: 定期对投诉内容进行分析,作为改进工作的重要参考) — the complaints
/// registered in a period: figures by type, channel, handling organisation or month; the reasons
/// of 不予受理; the terms their subjects share; and the complainants who came back more than once
/// (by phone number, masked).
public struct ComplaintAnalysis: Equatable, Sendable {
  public struct Group: Equatable, Sendable {
    public var key: String
    public var title: String
    public var figures: ComplaintFigures
  }

  public struct ReasonCount: Equatable, Sendable {
    public var reason: RejectionReason
    public var count: Int
  }

  /// 重复投诉人 — one phone number behind several complaints, shown masked.
  public struct Repeat: Equatable, Sendable {
    public var maskedContact: String
    public var caseIDs: [String]
  }

  public var period: StatisticsPeriod
  public var grouping: ComplaintGrouping
  public var groups: [Group]
  public var total: ComplaintFigures
  public var rejections: [ReasonCount]
  public var terms: [SubjectTerms.Term]
  public var repeats: [Repeat]

  /// - Parameters:
  ///   - organisations: code → name, in the district's order (the order of `--by org`).
  ///   - termLimit: how many subject terms to keep.
  public static func analyse(
    _ facts: [ComplaintFacts], by grouping: ComplaintGrouping, period: StatisticsPeriod,
    organisations: [(code: String, name: String)], termLimit: Int = 20
  ) -> ComplaintAnalysis {
    var figures: [String: ComplaintFigures] = [:]
    var total = ComplaintFigures()
    var reasons: [RejectionReason: Int] = [:]
    var byContact: [String: (masked: String, ids: [String])] = [:]
    for c in facts {
      figures[key(c, grouping), default: ComplaintFigures()].add(c)
      total.add(c)
      if let r = c.rejection { reasons[r, default: 0] += 1 }
      let digits = c.contact.filter(\.isASCII).filter(\.isNumber)
      if digits.count >= 7 {
        byContact[digits, default: (PhoneNumber.mask(c.contact), [])].ids.append(c.id)
      }
    }
    let names = Dictionary(
      organisations.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    let groups = order(Array(figures.keys), grouping, organisations.map(\.code)).map {
      Group(key: $0, title: title($0, grouping, names), figures: figures[$0] ?? ComplaintFigures())
    }
    let repeats = byContact.values.filter { $0.ids.count > 1 }
      .map { Repeat(maskedContact: $0.masked, caseIDs: $0.ids.sorted()) }
      .sorted {
        $0.caseIDs.count != $1.caseIDs.count
          ? $0.caseIDs.count > $1.caseIDs.count : $0.caseIDs[0] < $1.caseIDs[0]
      }
    // Confidential subjects stay out of the terms: the analysis is read beyond the case's people.
    let subjects = facts.filter { !$0.confidential }.map(\.subject)
    return ComplaintAnalysis(
      period: period, grouping: grouping, groups: groups, total: total,
      rejections: RejectionReason.allCases.compactMap { r in
        reasons[r].map { ReasonCount(reason: r, count: $0) }
      },
      terms: SubjectTerms.top(subjects, limit: termLimit), repeats: repeats)
  }

  static func key(_ c: ComplaintFacts, _ grouping: ComplaintGrouping) -> String {
    switch grouping {
    case .type: return c.type.rawValue
    case .channel: return c.channel.rawValue
    case .org: return c.organisation
    case .month: return String(c.registeredOn.iso.prefix(7))
    }
  }

  static func order(_ keys: [String], _ grouping: ComplaintGrouping, _ orgOrder: [String])
    -> [String]
  {
    let rank: [String]
    switch grouping {
    case .type: rank = ComplaintType.allCases.map(\.rawValue)
    case .channel: rank = ComplaintChannel.allCases.map(\.rawValue)
    case .org: rank = orgOrder
    case .month: return keys.sorted()
    }
    return keys.sorted {
      let (a, b) = (rank.firstIndex(of: $0) ?? rank.count, rank.firstIndex(of: $1) ?? rank.count)
      return a != b ? a < b : $0 < $1
    }
  }

  static func title(_ key: String, _ grouping: ComplaintGrouping, _ names: [String: String])
    -> String
  {
    switch grouping {
    case .type: return ComplaintType(rawValue: key)?.title ?? key
    case .channel: return ComplaintChannel(rawValue: key)?.title ?? key
    case .org: return names[key] ?? key
    case .month: return key
    }
  }

  /// The analysis as CSV for WPS/Excel (BOM, CRLF, the sanitiser and formula guard): the table
  /// by `grouping` with its 合计, then 不予受理原因, 主题词 and 重复投诉人, each under its heading.
  public var csv: String {
    var rows: [[String]] = groups.map { [$0.title, period.title] + $0.figures.csvCells }
    rows.append(["合计", period.title] + total.csvCells)
    rows += [[], ["不予受理原因", "件数"]] + rejections.map { [$0.reason.title, String($0.count)] }
    rows += [[], ["主题词", "涉及件数"]] + terms.map { [$0.text, String($0.count)] }
    rows +=
      [[], ["重复投诉人(电话)", "件数", "案件编号"]]
      + repeats.map {
        [$0.maskedContact, String($0.caseIDs.count), $0.caseIDs.joined(separator: " ")]
      }
    return StatisticsCSV.table(
      header: [grouping.title, "统计期间"] + ComplaintFigures.csvHeader, rows: rows)
  }
}
