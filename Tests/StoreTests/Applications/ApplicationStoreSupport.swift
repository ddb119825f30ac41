import Foundation
import Store
import XCTest

@testable import Domain

/// A fixed item list standing in for the catalog in store tests of the intake desk.
struct FixedDirectory: ItemDirectory {
  var items: [DirectoryItem]

  func directoryItem(code: String) throws -> DirectoryItem? {
    items.first { $0.snapshot.code == code }
  }

  func searchDirectory(_ text: String, limit: Int) throws -> [DirectoryItem] {
    Array(
      items.filter {
        text.isEmpty || $0.snapshot.name.contains(text) || $0.snapshot.code.contains(text)
      }
      .prefix(limit))
  }

  static let standard = FixedDirectory(items: [
    DirectoryItem(
      snapshot: ItemSnapshot(
        code: "SCJG-XK-001", version: 2, name: "个体工商户设立登记", organisation: "SCJG",
        organisationName: "区市场监督管理局", promisedDays: 3, legalDays: 15,
        materials: [
          MaterialRequirement(name: "个体工商户登记申请书"),
          MaterialRequirement(name: "经营者身份证明", form: "复印件", shareable: true),
          MaterialRequirement(name: "经营场所使用证明", form: "复印件"),
        ], result: "营业执照"),
      availability: .inUse),
    DirectoryItem(
      snapshot: ItemSnapshot(
        code: "SCJG-XK-009", version: 1, name: "食品小作坊登记", organisation: "SCJG",
        organisationName: "区市场监督管理局", promisedDays: 10, legalDays: 20,
        materials: [MaterialRequirement(name: "登记申请表")]),
      availability: .suspended),
  ])
}

let walkIn = Applicant(
  kind: .person, name: "张三", idNumber: "620402199001010018", phone: "13809431234")

extension Store {
  /// Registers a walk-in for 个体工商户设立登记 with the checklist given.
  func registerWalkIn(
    by staff: Staff, materials: [MaterialStatus] = [.received, .exempt, .received],
    channel: ApplicationChannel = .counter, applicant: Applicant = walkIn
  ) throws -> Application {
    try registerApplication(
      RegistrationInput(
        itemCode: "SCJG-XK-001", applicant: applicant, channel: channel, materials: materials),
      items: FixedDirectory.standard, by: staff
    ).application
  }

  func demoStaff(_ login: String) throws -> Staff {
    guard let s = try staff(login: login) else { throw Refusal("no staff \(login)") }
    return s
  }
}

func day(_ iso: String) -> CivilDate? { CivilDate(iso: iso) }

/// The serial at the end of a case number (`BYQ-2026-000054` → 54) or a document number
/// (`BYQ受〔2026〕5号` → 5).
func serial(_ number: String) -> Int {
  let digits = number.reversed().drop { !$0.isNumber }.prefix { $0.isNumber }
  return Int(String(digits.reversed())) ?? -1
}
