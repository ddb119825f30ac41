import Domain
import XCTest

final class SatisfactionTests: XCTestCase {
  /// SCJG in the demo's November: 20 ratings, 3 bad of which 1 invalid.
  let figures = SatisfactionFigures(
    counts: [
      .verySatisfied: 11, .satisfied: 5, .basicallySatisfied: 1, .dissatisfied: 1,
      .veryDissatisfied: 2,
    ],
    invalid: 1, rectified: 1, calledBack: 1, realNameBad: 2, realNameCalledBack: 1)

  func testSatisfactionWithAndWithoutInvalidReviews() {
    XCTAssertEqual(figures.total, 20)
    XCTAssertEqual(figures.good, 17)
    XCTAssertEqual(figures.bad, 3)
    XCTAssertEqual(figures.validBad, 2)
    XCTAssertEqual(
      SatisfactionFigures.percent(figures.satisfaction(excludingInvalid: false)), "85.0%")
    XCTAssertEqual(
      SatisfactionFigures.percent(figures.satisfaction(excludingInvalid: true)), "89.5%")
    XCTAssertEqual(SatisfactionFigures.percent(figures.rectificationRate), "50.0%")
    XCTAssertEqual(SatisfactionFigures.percent(figures.callbackRate), "50.0%")
    XCTAssertEqual(SatisfactionFigures.percent(figures.realNameCallbackRate), "50.0%")
  }

  func testNothingToDivideByIsADash() {
    let none = SatisfactionFigures()
    XCTAssertNil(none.satisfaction(excludingInvalid: true))
    XCTAssertEqual(SatisfactionFigures.percent(none.rectificationRate), "-")
    XCTAssertEqual(SatisfactionFigures.percent(2.0 / 3.0), "66.7%")
    XCTAssertEqual(SatisfactionFigures.percent(1), "100.0%")
  }

  func testSumsAddUp() {
    let both = figures + figures
    XCTAssertEqual(both.total, 40)
    XCTAssertEqual(both.invalid, 2)
    XCTAssertEqual(both.count(.veryDissatisfied), 4)
  }

  func testPeriodOfAMonth() {
    let p = StatisticsPeriod.month(of: day("2026-02-14"))
    XCTAssertEqual(p.from, day("2026-02-01"))
    XCTAssertEqual(p.through, day("2026-02-28"))
    XCTAssertEqual(p.title, "2026-02-01 至 2026-02-28")
    XCTAssertEqual(StatisticsPeriod().title, "全部")
  }

  func testCSVHasABOMAHeaderAndATotalAndQuotesWhatNeedsIt() {
    let rows = [
      OrganisationSatisfaction(organisation: "SCJG", name: "区市场监督管理局", figures: figures),
      OrganisationSatisfaction(organisation: "X", name: "=甲,\"乙\"", figures: SatisfactionFigures()),
    ]
    let csv = StatisticsCSV.render(rows, period: StatisticsPeriod.month(of: day("2026-11-26")))
    XCTAssertTrue(csv.hasPrefix("\u{FEFF}单位代码,单位名称,统计期间,评价总数"))
    let lines = csv.dropFirst().split(separator: "\r\n").map(String.init)
    XCTAssertEqual(lines.count, 4)
    XCTAssertEqual(
      lines[1],
      "SCJG,区市场监督管理局,2026-11-01 至 2026-11-30,20,11,5,1,1,2,3,1,85.0%,89.5%,2,1,50.0%,1,50.0%,2,1,50.0%"
    )
    XCTAssertTrue(lines[2].hasPrefix("X,\"'=甲,\"\"乙\"\"\","), lines[2])
    XCTAssertTrue(lines[3].hasPrefix(",合计,2026-11-01 至 2026-11-30,20,"), lines[3])
    XCTAssertTrue(lines[2].hasSuffix(",-,0,-,0,0,-"), "no rate is a plain dash: \(lines[2])")
  }
}
