import XCTest

@testable import Domain

/// A demo item: three materials, one obtainable by data sharing, one optional.
let licenceItem = ItemSnapshot(
  code: "SCJG-XK-001", version: 2, name: "个体工商户设立登记", organisation: "SCJG",
  organisationName: "区市场监督管理局", promisedDays: 3, legalDays: 15,
  materials: [
    MaterialRequirement(name: "个体工商户登记申请书", form: "原件", copies: 1),
    MaterialRequirement(name: "经营者身份证明", form: "复印件", copies: 1, shareable: true),
    MaterialRequirement(name: "经营场所使用证明", form: "复印件", copies: 1),
    MaterialRequirement(name: "委托书", form: "原件", copies: 1, required: false),
  ], fee: "不收费", result: "营业执照")

let validPerson = Applicant(
  kind: .person, name: "张三", idNumber: "620402199001010018", phone: "13809431234")

/// Drives the state machine step by step, as the journal would, with a date per step.
struct ApplicationScript {
  var state: Application?
  var calendar = Fixtures.calendar
  let caseID = "BYQ-2026-000001"
  var serial = 0

  func context(_ date: String, _ actor: String) -> StepContext {
    let d = CivilDate(iso: date) ?? CivilDate(dayNumber: 0)
    return StepContext(
      caseID: caseID, date: d, timestamp: Int64(d.dayNumber) * 86_400_000, actor: actor,
      calendar: calendar)
  }

  static func registration(
    channel: ApplicationChannel = .counter, materials: [MaterialStatus]? = nil,
    item: ItemSnapshot = licenceItem
  ) -> ApplicationRegistered {
    ApplicationRegistered(
      item: item, applicant: validPerson, channel: channel, note: "",
      materials: materials ?? item.materials.map(MaterialStatus.initial(for:)),
      registeredOrg: "ZWZX", preReviewDays: 5)
  }

  /// Applies a change; returns the refusal message, or nil when it applied.
  @discardableResult
  mutating func apply(_ change: ApplicationChange, on date: String, by actor: String = "liuyang")
    -> String?
  {
    switch ApplicationMachine.next(state, change, context(date, actor)) {
    case .success(let s):
      state = s
      return nil
    case .failure(let r):
      return r.description
    }
  }

  /// Runs a command the way the store does (numbers taken only when allowed).
  @discardableResult
  mutating func run(_ command: ApplicationCommand, on date: String, by actor: String = "liuyang")
    -> String?
  {
    guard let s = state else { return "no state" }
    do {
      var taken = serial
      let result = try ApplicationMachine.decided(s, command, context(date, actor)) { kind in
        taken += 1
        return kind.number(node: "BYQ", year: 2026, serial: taken)
      }
      serial = taken
      state = result.state
      return nil
    } catch let r as Refusal {
      return r.description
    } catch {
      return "\(error)"
    }
  }

  var status: ApplicationStatus? { state?.status }
}

func assertRefused(
  _ message: String?, contains text: String, file: StaticString = #filePath, line: UInt = #line
) {
  guard let message else {
    XCTFail("expected a refusal containing「\(text)」, but the step applied", file: file, line: line)
    return
  }
  XCTAssertTrue(message.contains(text), "refusal was「\(message)」", file: file, line: line)
}
