import XCTest

@testable import Domain

/// 办事指南 (issue 25 item 3): every element, the GB/T 39046 ones when filled, laid out as every
/// notice (66 display columns).
final class ServiceGuideTests: XCTestCase {
  func testTheGuideCarriesEveryElementAndTheNationalOnes() {
    var item = sampleItem()
    item.version = 2
    item.effectiveOn = CivilDate(year: 2026, month: 11, day: 2)
    item.aliases = ["个体户执照"]
    item.national = NationalElements(
      basicCode: "000105001000", matterType: .licensing, exerciseLevel: .county,
      serviceTargets: [.naturalPerson], handlingForms: [.counter, .web],
      supervisionPhone: "0943-12345", appointment: true)
    let text = ServiceGuide.text(item, organisationName: "白银区市场监督管理局")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines.first?.trimmingSpaces(), "白银区市场监督管理局")
    XCTAssertTrue(text.contains("个体工商户设立登记办事指南"), text)
    XCTAssertTrue(text.contains("(事项编码 SCJG-DJ-001,第2版,2026-11-02起施行)"), text)
    XCTAssertTrue(text.contains("1. 个体工商户登记(备案)申请书(原件 1份 必要)"), text)
    XCTAssertTrue(text.contains("八、办理时限:法定3个工作日,承诺1个工作日"), text)
    XCTAssertTrue(text.contains("又称:个体户执照"), text)
    XCTAssertTrue(text.contains("十五、国家标准要素(GB/T 39046):"), text)
    XCTAssertTrue(text.contains("基本编码:000105001000"), text)
    XCTAssertTrue(text.contains("办理形式:窗口办理、电脑端网上办理"), text)
    XCTAssertTrue(text.contains("支持预约办理:是"), text)
    XCTAssertFalse(text.contains("实施编码:"), "an element not filled is left out")
    for line in lines {
      XCTAssertLessThanOrEqual(
        line.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }, NoticeLayout.columns, line)
    }
  }

  func testAGuideWithoutNationalElementsHasNoSuchSection() {
    let text = ServiceGuide.text(sampleItem(), organisationName: "区市场监督管理局")
    XCTAssertFalse(text.contains("国家标准要素"), text)
    XCTAssertFalse(text.contains("又称"), text)
  }
}
