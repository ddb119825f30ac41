/// 满意度 by service item (第三十五条: 评价数据的综合分析, 发现并解决政务服务堵点难点问题): one
/// item of one organisation, its ratings in a period and how its bad reviews were handled.
public struct ItemSatisfaction: Equatable, Sendable {
  /// 事项编码 as the rating recorded it (empty for a rating registered by hand without one).
  public var itemCode: String
  public var itemName: String
  public var organisation: String
  public var organisationName: String
  public var figures: SatisfactionFigures

  public init(
    itemCode: String, itemName: String, organisation: String, organisationName: String,
    figures: SatisfactionFigures
  ) {
    self.itemCode = itemCode
    self.itemName = itemName
    self.organisation = organisation
    self.organisationName = organisationName
    self.figures = figures
  }

  /// The order a supervisor looks for 堵点 in: most valid bad reviews first, then the lowest
  /// satisfaction (without 无效差评), then the most ratings; ties by code and name.
  public static func worstFirst(_ a: ItemSatisfaction, _ b: ItemSatisfaction) -> Bool {
    let (fa, fb) = (a.figures, b.figures)
    if fa.validBad != fb.validBad { return fa.validBad > fb.validBad }
    let (sa, sb) = (
      fa.satisfaction(excludingInvalid: true), fb.satisfaction(excludingInvalid: true)
    )
    if sa != sb { return (sa ?? 2) < (sb ?? 2) }
    if fa.total != fb.total { return fa.total > fb.total }
    return (a.itemCode, a.itemName, a.organisation) < (b.itemCode, b.itemName, b.organisation)
  }

  /// The table as CSV for WPS/Excel (BOM, CRLF, formula guard): one line per item, then 合计.
  public static func csv(_ rows: [ItemSatisfaction], period: StatisticsPeriod) -> String {
    let header = ["事项编码", "事项名称", "单位代码", "单位名称", "统计期间"] + SatisfactionFigures.csvHeader
    var lines = rows.map {
      [$0.itemCode, $0.itemName, $0.organisation, $0.organisationName, period.title]
        + $0.figures.csvCells
    }
    let total = rows.reduce(SatisfactionFigures.zero) { $0 + $1.figures }
    lines.append(["", "合计", "", "", period.title] + total.csvCells)
    return StatisticsCSV.table(header: header, rows: lines)
  }
}
