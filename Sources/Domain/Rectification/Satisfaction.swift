import Foundation

/// 满意度统计 — one organisation's ratings in a period, and how its bad reviews were handled
/// (第四十七、四十九条: satisfaction, bad-review rectification and callback rates).
public struct SatisfactionFigures: StatisticsFigures {
  /// Ratings per level.
  public var counts: [RatingLevel: Int]
  /// 无效差评 — bad reviews a supervisor's 复核 marked invalid.
  public var invalid: Int
  /// Valid bad reviews whose case closed after rectification.
  public var rectified: Int
  /// Valid bad reviews whose reviewer was reached at a callback.
  public var calledBack: Int
  /// Valid real-name bad reviews, and those of them called back (全部回访, 第三十七条(四)).
  public var realNameBad: Int
  public var realNameCalledBack: Int

  public init(
    counts: [RatingLevel: Int] = [:], invalid: Int = 0, rectified: Int = 0, calledBack: Int = 0,
    realNameBad: Int = 0, realNameCalledBack: Int = 0
  ) {
    self.counts = counts
    self.invalid = invalid
    self.rectified = rectified
    self.calledBack = calledBack
    self.realNameBad = realNameBad
    self.realNameCalledBack = realNameCalledBack
  }

  public func count(_ level: RatingLevel) -> Int { counts[level] ?? 0 }
  public var total: Int { counts.values.reduce(0, +) }
  /// 非常满意 + 满意 + 基本满意
  public var good: Int { RatingLevel.allCases.filter { !$0.isBad }.map(count).reduce(0, +) }
  /// 不满意 + 非常不满意, invalid ones included.
  public var bad: Int { total - good }
  /// 有效差评
  public var validBad: Int { bad - invalid }

  /// 满意率 — good ratings over all ratings; without the invalid ones, over the ratings left once
  /// 无效差评 are excluded (they are excluded from satisfaction figures, 第三十七条(二)).
  public func satisfaction(excludingInvalid: Bool) -> Double? {
    let base = excludingInvalid ? total - invalid : total
    return rate(good, base)
  }

  /// 整改率 — valid bad reviews rectified.
  public var rectificationRate: Double? { rate(rectified, validBad) }
  /// 回访率 — valid bad reviews called back.
  public var callbackRate: Double? { rate(calledBack, validBad) }
  /// 实名差评回访率
  public var realNameCallbackRate: Double? { rate(realNameCalledBack, realNameBad) }

  /// `96.7%`, or `-` when there is nothing to divide by.
  public static func percent(_ rate: Double?) -> String {
    guard let rate else { return "-" }
    let tenths = Int((rate * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  public static let zero = SatisfactionFigures()

  public static let csvHeader =
    ["评价总数"] + RatingLevel.allCases.map(\.title) + [
      "差评数", "无效差评", "满意率(含无效差评)", "满意率(剔除无效差评)", "有效差评", "已整改", "整改率", "已回访", "回访率",
      "实名差评", "实名已回访", "实名回访率",
    ]

  public var csvCells: [String] {
    let pct = Self.percent
    return [String(total)] + RatingLevel.allCases.map { String(count($0)) } + [
      String(bad), String(invalid), pct(satisfaction(excludingInvalid: false)),
      pct(satisfaction(excludingInvalid: true)), String(validBad), String(rectified),
      pct(rectificationRate), String(calledBack), pct(callbackRate), String(realNameBad),
      String(realNameCalledBack), pct(realNameCallbackRate),
    ]
  }

  public static func + (a: SatisfactionFigures, b: SatisfactionFigures) -> SatisfactionFigures {
    SatisfactionFigures(
      counts: a.counts.merging(b.counts, uniquingKeysWith: +), invalid: a.invalid + b.invalid,
      rectified: a.rectified + b.rectified, calledBack: a.calledBack + b.calledBack,
      realNameBad: a.realNameBad + b.realNameBad,
      realNameCalledBack: a.realNameCalledBack + b.realNameCalledBack)
  }
}

/// 统计期间 — both ends included; nil means open.
public struct StatisticsPeriod: Equatable, Sendable {
  public var from: CivilDate?
  public var through: CivilDate?

  public init(from: CivilDate? = nil, through: CivilDate? = nil) {
    self.from = from
    self.through = through
  }

  /// The month of `date`: the default period of the statistics view.
  public static func month(of date: CivilDate) -> StatisticsPeriod {
    let first = date.firstOfMonth
    let next = first.adding(months: 1)
    return StatisticsPeriod(from: first, through: next.adding(days: -1))
  }

  public var title: String {
    switch (from, through) {
    case (nil, nil): return "全部"
    case (let f?, nil): return "\(f.iso) 起"
    case (nil, let t?): return "至 \(t.iso)"
    case (let f?, let t?): return "\(f.iso) 至 \(t.iso)"
    }
  }
}
