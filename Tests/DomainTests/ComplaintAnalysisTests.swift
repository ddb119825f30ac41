import XCTest

@testable import Domain

/// 投诉建议分析 (第三十四条): figures by group, 不予受理 reasons, subject terms, repeat callers.
final class ComplaintAnalysisTests: XCTestCase {
  func fact(
    _ id: String, _ type: ComplaintType = .complaint, org: String = "WXZ", on iso: String,
    status: ComplaintStatus = .concluded, onTime: Bool? = true, satisfaction: Satisfaction? = nil,
    round: Int = 1, subject: String, contact: String = "13900000000", confidential: Bool = false,
    rejection: RejectionReason? = nil
  ) -> ComplaintFacts {
    ComplaintFacts(
      id: id, type: type, channel: .hotline, organisation: org,
      registeredOn: CivilDate(iso: iso) ?? CivilDate(dayNumber: 0), status: status, onTime: onTime,
      satisfaction: satisfaction, round: round, subject: subject, contact: contact,
      confidential: confidential, rejection: rejection)
  }

  func testFiguresRatesAndGroupsInTheirOwnOrder() {
    let facts = [
      fact("1", .suggestion, on: "2026-11-02", satisfaction: .satisfied, subject: "建议增设座椅"),
      fact(
        "2", on: "2026-10-05", onTime: false, satisfaction: .unsatisfied, round: 2, subject: "停水"),
      fact(
        "3", org: "SCJG", on: "2026-11-03", status: .rejected, onTime: nil, subject: "征地补偿",
        rejection: .otherProcedure),
      fact("4", .enquiry, on: "2026-11-04", onTime: nil, subject: "咨询补贴"),
    ]
    let orgs = [(code: "SCJG", name: "区市场监督管理局"), (code: "WXZ", name: "王岘镇")]
    let byType = ComplaintAnalysis.analyse(
      facts, by: .type, period: StatisticsPeriod(), organisations: orgs)
    XCTAssertEqual(byType.groups.map(\.title), ["咨询", "投诉", "建议"])
    let t = byType.total
    XCTAssertEqual(
      [t.registered, t.concluded, t.onTime, t.rejected, t.calledBack, t.reopened],
      [4, 2, 1, 1, 2, 1])
    XCTAssertEqual(t.onTimeRate, 0.5)
    XCTAssertEqual(t.satisfactionRate, 0.5)
    XCTAssertEqual(t.reopenRate, 0.5)
    XCTAssertEqual(byType.rejections, [.init(reason: .otherProcedure, count: 1)])
    let byOrg = ComplaintAnalysis.analyse(
      facts, by: .org, period: StatisticsPeriod(), organisations: orgs)
    XCTAssertEqual(byOrg.groups.map(\.title), ["区市场监督管理局", "王岘镇"], "the directory's order")
    let byMonth = ComplaintAnalysis.analyse(
      facts, by: .month, period: StatisticsPeriod(), organisations: orgs)
    XCTAssertEqual(byMonth.groups.map(\.key), ["2026-10", "2026-11"])
    XCTAssertEqual(byMonth.groups.map(\.figures.registered), [1, 3])
  }

  func testRepeatComplainantsBySamePhoneMasked() {
    let facts = [
      fact("A", on: "2026-11-01", subject: "一", contact: "13912345678"),
      fact("B", on: "2026-11-02", subject: "二", contact: "139 1234 5678"),
      fact("C", on: "2026-11-03", subject: "三", contact: "0943-8223456"),
      fact("D", on: "2026-11-04", subject: "四", contact: "13700000000"),
      fact("E", on: "2026-11-05", subject: "五", contact: "0943-8223456"),
      fact("F", on: "2026-11-06", subject: "六", contact: "0943-8223456"),
    ]
    let a = ComplaintAnalysis.analyse(
      facts, by: .type, period: StatisticsPeriod(), organisations: [])
    XCTAssertEqual(
      a.repeats,
      [
        .init(maskedContact: "0943-*****56", caseIDs: ["C", "E", "F"]),
        .init(maskedContact: "139****5678", caseIDs: ["A", "B"]),
      ])
  }

  func testSubjectTermsSkipStopWordsAndPreferTheWholeWord() {
    let subjects = [
      "王岘镇某村自来水连续三天停水", "某村自来水停水且未提前通知", "反映自来水水质问题", "咨询低保申请", "低保申请材料被退回",
    ]
    let terms = SubjectTerms.top(subjects)
    let texts = terms.map(\.text)
    XCTAssertEqual(terms.first, .init(text: "自来水", count: 3))
    XCTAssertTrue(texts.contains("停水"), "\(texts)")
    XCTAssertTrue(texts.contains("低保"), "\(texts)")
    XCTAssertFalse(texts.contains("自来"), "a part of 自来水 gives way to it: \(texts)")
    XCTAssertFalse(texts.contains { $0.contains("申请") }, "a stop word: \(texts)")
    XCTAssertFalse(texts.contains { $0.hasPrefix("某") }, "某 starts no term: \(texts)")
    XCTAssertTrue(terms.allSatisfy { $0.count >= 2 })
    XCTAssertTrue(SubjectTerms.terms(of: "ABC 12,的").isEmpty)
  }

  func testConfidentialSubjectsStayOutOfTheTerms() {
    let facts = [
      fact("1", on: "2026-11-01", subject: "举报冒用商标", confidential: true),
      fact("2", on: "2026-11-02", subject: "举报冒用商标", confidential: true),
    ]
    let a = ComplaintAnalysis.analyse(
      facts, by: .type, period: StatisticsPeriod(), organisations: [])
    XCTAssertEqual(a.terms, [])
    XCTAssertEqual(a.total.registered, 2)
  }

  func testCSVHasEverySectionWithTheFormulaGuard() {
    let facts = [fact("1", on: "2026-11-01", subject: "=HYPERLINK(停水)", contact: "=1+1")]
    let csv = ComplaintAnalysis.analyse(
      facts
        + facts.map {
          var f = $0
          f.id = "2"
          return f
        }, by: .type,
      period: StatisticsPeriod(), organisations: []
    ).csv
    XCTAssertTrue(csv.hasPrefix("\u{FEFF}类型,统计期间,登记,办结,按时办结,按时办结率"), csv)
    XCTAssertTrue(csv.contains("\r\n合计,全部,2,2,2,100.0%"), csv)
    XCTAssertTrue(csv.contains("\r\n不予受理原因,件数\r\n"), csv)
    XCTAssertTrue(csv.contains("\r\n主题词,涉及件数\r\n停水,2\r\n"), csv)
    XCTAssertTrue(csv.contains("\r\n重复投诉人(电话),件数,案件编号\r\n"), csv)
    XCTAssertFalse(csv.contains(",=1"), csv)
  }
}
