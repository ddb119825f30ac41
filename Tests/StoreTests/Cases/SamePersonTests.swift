import Domain
import Foundation
import XCTest

@testable import Store

/// 同一证件号或电话的其他案件 in each kind of case view: an application, a complaint and a
/// real-name rectification naming the same phone each list the other two (an anonymous review
/// lists none); each says whether it shares the ID number or only the phone.
final class SamePersonTests: XCTestCase {
  func testEachKindListsThePersonsOtherCases() throws {
    let (store, _) = try makeDemo()
    let supervisor = try XCTUnwrap(try store.staff(login: "chenjing"))
    // 马晓燕's application and 马小军's complaint share 13993012345 in the demo.
    let found = try store.find(FindQuery.parse("13993012345").get(), for: supervisor).cases
    let application = try XCTUnwrap(found.first { $0.kind == .application }).caseID
    let complaint = try XCTUnwrap(found.first { $0.kind == .complaint }).caseID
    let (_, rectification) = try store.registerRating(
      RatingInput(
        channel: .counter, serviceCaseID: application, itemCode: "SC-DJ-001",
        itemName: "个体工商户设立登记", organisation: "SCJG", level: .veryDissatisfied,
        comment: "跑了三趟", realName: true, reviewerName: "马晓燕", reviewerPhone: "13993012345"),
      by: supervisor)
    let r = try XCTUnwrap(rectification)
    func others(_ kind: FoundCase.Kind, _ id: String) throws -> Set<String> {
      Set(try store.relatedCases(of: kind, id, for: supervisor).samePerson.map(\.caseID))
    }
    XCTAssertEqual(try others(.application, application), [complaint, r])
    XCTAssertEqual(try others(.complaint, complaint), [application, r])
    XCTAssertEqual(try others(.rectification, r), [application, complaint])
    // The rated application is also its link, from both ends.
    XCTAssertEqual(
      try store.relatedCases(of: .rectification, r, for: supervisor).linked.map(\.caseID),
      [application])
    XCTAssertTrue(
      try store.relatedCases(of: .application, application, for: supervisor).linked
        .map(\.caseID).contains(r))
  }

  /// A phone shared by two people (马晓燕 and 马小军) is found as the phone; a second application
  /// of the same ID number as the ID number, even when it shares the phone too.
  func testEachOtherCaseSaysWhetherItSharesTheIDNumberOrOnlyThePhone() throws {
    let (store, _) = try makeDemo()
    let supervisor = try XCTUnwrap(try store.staff(login: "chenjing"))
    let found = try store.find(FindQuery.parse("13993012345").get(), for: supervisor).cases
    let application = try XCTUnwrap(found.first { $0.kind == .application }).caseID
    let complaint = try XCTUnwrap(found.first { $0.kind == .complaint }).caseID
    XCTAssertEqual(
      try store.relatedCases(of: .complaint, complaint, for: supervisor).samePerson
        .first { $0.caseID == application }?.matchedBy, .phone)
    let (name, idNumber) = try XCTUnwrap(
      try store.db.fetchOne(
        "SELECT applicant_name, applicant_id FROM application WHERE case_id = ?", [application]
      ) { ($0.text(0), $0.text(1)) })
    let again = try store.registerApplication(
      RegistrationInput(
        itemCode: "SCJG-XK-001",
        applicant: Applicant(kind: .person, name: name, idNumber: idNumber, phone: "13993012345"),
        channel: .counter, materials: [.received, .exempt, .received]),
      items: FixedDirectory.standard, by: try XCTUnwrap(try store.staff(login: "liuyang"))
    ).application.caseID
    let others = try store.relatedCases(of: .application, again, for: supervisor).samePerson
    XCTAssertEqual(others.first { $0.caseID == application }?.matchedBy, .idNumber)
    XCTAssertEqual(others.first { $0.caseID == complaint }?.matchedBy, .phone)
  }
}
