import Domain
import XCTest

/// GB/T 39046—2020 Appendix A, code by code, against the standard's own names.
final class NationalCodeTableTests: XCTestCase {
  /// A.8 numbers from 非常满意 = 1 to 非常不满意 = 5: the opposite of `RatingLevel`'s scores.
  func testSatisfactionCodesFollowTheLevelNames() {
    let table: [(level: RatingLevel, code: String)] = [
      (.verySatisfied, "1"), (.satisfied, "2"), (.basicallySatisfied, "3"),
      (.dissatisfied, "4"), (.veryDissatisfied, "5"),
    ]
    XCTAssertEqual(table.count, RatingLevel.allCases.count)
    for row in table {
      let code = SatisfactionCode.of(row.level)
      XCTAssertEqual(code?.code, row.code, row.level.title)
      XCTAssertEqual(code?.name, row.level.title)
    }
    // The trap the standard warns of: the raw score of 非常满意 is 5, its code 1.
    XCTAssertEqual(RatingLevel.verySatisfied.rawValue, 5)
    XCTAssertEqual(SatisfactionCode.coded("5")?.name, "非常不满意")
  }

  func testEveryTableAsTheStandardPrintsIt() {
    func table<T: NationalCodeTable>(_: T.Type) -> [String] {
      T.allCases.map { "\($0.code) \($0.name)" }
    }
    XCTAssertEqual(
      table(MatterType.self),
      [
        "00 行政权力事项", "01 行政许可", "02 行政处罚", "03 行政强制", "04 行政征收", "05 行政给付",
        "06 行政检查", "07 行政确认", "08 行政奖励", "09 行政裁决", "10 其他类别事项", "20 公共服务事项",
      ])
    XCTAssertEqual(
      table(ExerciseLevel.self),
      ["1 国家级", "2 省级", "3 市级", "4 县级", "5 镇(乡、街道)级", "6 村(社区)级", "7 分级管理"])
    XCTAssertEqual(
      table(ImplementerNature.self), ["1 法定机关", "2 授权组织", "3 受委托组织", "9 其他"])
    XCTAssertEqual(
      table(ServiceTarget.self),
      ["1 自然人", "2 企业法人", "3 事业法人", "4 社会组织法人", "5 行政机关", "6 其他组织"])
    XCTAssertEqual(
      table(HandlingForm.self), ["1 窗口办理", "2 电脑端网上办理", "3 移动端网上申请", "4 快递申请", "9 其他"])
    XCTAssertEqual(table(CaseType.self), ["1 即办件", "2 承诺件", "9 其他"])
    XCTAssertEqual(table(SpecialProcedureKind.self), ["1 延长审批", "2 除延长审批之外的情况"])
    XCTAssertEqual(
      table(IDTypeCode.self), ["111 居民身份证", "001 统一社会信用代码", "414 普通护照", "516 港澳居民来往内地通行证"])
    XCTAssertEqual(
      EvaluationChannel.allCases.map(\.name),
      ["PC端", "移动服务端", "二维码", "政务大厅平板电脑", "政务大厅其他终端", "电话", "短信"])
  }

  /// Codes are unique in each table, and `coded`/`named` find each value back.
  func testLookupsRoundTrip() {
    func check<T: NationalCodeTable>(_: T.Type) {
      XCTAssertEqual(Set(T.allCases.map(\.code)).count, T.allCases.count, "\(T.self)")
      for value in T.allCases {
        XCTAssertEqual(T.coded(value.code), value)
        XCTAssertEqual(T.named(value.name), value)
      }
      XCTAssertNil(T.coded("99x"))
    }
    check(MatterType.self)
    check(ExerciseLevel.self)
    check(ImplementerNature.self)
    check(ServiceTarget.self)
    check(HandlingForm.self)
    check(CaseType.self)
    check(SpecialProcedureKind.self)
    check(SatisfactionCode.self)
    check(IDTypeCode.self)
    check(EvaluationChannel.self)
  }

  func testCaseTypeIsDerivedFromThePromisedLimit() {
    XCTAssertEqual(CaseType.of(promisedDays: 0), .immediate)
    XCTAssertEqual(CaseType.of(promisedDays: 0).code, "1")
    for days in [1, 5, 20] {
      XCTAssertEqual(CaseType.of(promisedDays: days).code, "2")
    }
  }

  func testOurTypesAndChannelsMapIntoTheTables() {
    XCTAssertEqual(
      ItemType.allCases.map { MatterType($0).code },
      ["01", "07", "05", "09", "08", "04", "10", "20"])
    XCTAssertEqual(
      ApplicationChannel.allCases.map { HandlingForm($0).code }, ["1", "2", "3", "9"])
    for channel in ApplicationChannel.allCases where channel != .kiosk {
      XCTAssertEqual(HandlingForm(channel).channel, channel)
    }
    XCTAssertEqual(
      RatingChannel.allCases.map { EvaluationChannel($0).name },
      ["政务大厅平板电脑", "PC端", "移动服务端", "政务大厅其他终端", "短信", "电话"])
    XCTAssertEqual(IDTypeCode(.person).code, "111")
    XCTAssertEqual(IDTypeCode(.organisation).code, "001")
    XCTAssertEqual(
      ClockStopKind.allCases.map { SpecialProcedureKind($0).code }, ["2", "2", "2", "2", "2"])
    XCTAssertEqual(ExerciseLevel(.department).code, "4")
    XCTAssertEqual(ExerciseLevel(.township).code, "5")
    XCTAssertFalse(MatterType.penalty.takesApplications)
    XCTAssertTrue(MatterType.licensing.takesApplications)
  }
}
