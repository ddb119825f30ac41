import XCTest

@testable import Domain

/// 一件事 (第十九条): the union checklist, the deadline rule, the status read from the members and
/// the package element of the catalog.
final class PackageTests: XCTestCase {
  let calendar = WorkCalendar.weekdaysOnly()

  func req(_ name: String, required: Bool = true, shareable: Bool = false, copies: Int = 1)
    -> MaterialRequirement
  {
    MaterialRequirement(name: name, copies: copies, required: required, shareable: shareable)
  }

  func testTheUnionAsksASharedMaterialOnceAndEachMemberReadsItsOwnChecklistBack() {
    let c = PackageChecklist(
      own: [req("一件事申请表")],
      members: [
        ("企业设立登记", [req("设立登记申请书"), req("法定代表人身份证", shareable: true)]),
        ("公章刻制备案", [req("法定代表人身份证", shareable: true, copies: 2), req("申请表")]),
        ("单位参保登记", [req("申请表"), req("职工花名册", required: false)]),
      ], shared: ["法定代表人身份证"])
    XCTAssertEqual(
      c.requirements.map(\.name), ["一件事申请表", "设立登记申请书", "法定代表人身份证", "申请表", "申请表", "职工花名册"],
      "a shared material once; the same name not declared shared stays one per member")
    let shared = c.lines[2]
    XCTAssertEqual(shared.members, [0, 1])
    XCTAssertEqual(shared.requirement.copies, 2, "the strictest of the askers")
    XCTAssertEqual(shared.requirement.note, "共用:企业设立登记、公章刻制备案")
    var statuses = c.requirements.map(MaterialStatus.initial(for:))
    statuses[2] = .received
    statuses[4] = .defective
    XCTAssertEqual(c.statuses(ofMember: 0, from: statuses), [.received, .received])
    XCTAssertEqual(c.statuses(ofMember: 1, from: statuses), [.received, .received])
    XCTAssertEqual(c.statuses(ofMember: 2, from: statuses), [.defective, .missing])
    XCTAssertEqual(c.unsatisfied(statuses), ["申请表"], "the optional 职工花名册 never blocks")
  }

  /// A package of three members accepted on Monday 2026-11-02: promises of 1, 3 and 5 days.
  func progress(promise: Int, steps: (inout [String: Application]) -> Void = { _ in })
    -> PackageProgress
  {
    let accepted = day("2026-11-02")
    var apps: [String: Application] = [:]
    var members: [PackageMember] = []
    for (i, days) in [1, 5, 3].enumerated() {
      let id = "BYQ-2026-00000\(i + 2)"
      var item = licenceItem
      item.code = "ITEM-\(i)"
      item.promisedDays = days
      item.organisation = ["SCJG", "RSJ", "GAJ"][i]
      let step = StepContext(
        caseID: id, date: accepted, timestamp: Int64(accepted.dayNumber) * 86_400_000,
        actor: "wangfang", calendar: calendar)
      guard
        case .success(let (registered, _)) = ApplicationMachine.registration(
          of: validPerson, channel: .counter, note: "",
          materials: item.materials.map(MaterialStatus.initial(for:)),
          item: DirectoryItem(snapshot: item, availability: .inUse), registeredOrg: "ZWZX",
          preReviewDays: 5, package: "BYQ-2026-000001", step),
        case .success(let (a, _)) = ApplicationMachine.packageAcceptance(
          registered, notice: "BYQ受〔2026〕1号之\(i + 1)", step)
      else {
        XCTFail("member \(i) not accepted")
        continue
      }
      XCTAssertEqual(a.package, "BYQ-2026-000001")
      apps[id] = a
      members.append(
        PackageMember(
          caseID: id, code: item.code, version: 1, name: "成员\(i + 1)",
          organisation: item.organisation, organisationName: item.organisation,
          promisedDays: days))
    }
    steps(&apps)
    let registered = PackageRegistered(
      code: "ZWZX-YJS-001", version: 1, name: "企业开办一件事", organisation: "ZWZX",
      organisationName: "区政务服务中心", promisedDays: promise, applicant: validPerson,
      channel: .counter, note: "", registeredOrg: "ZWZX", materials: [], statuses: [],
      members: members, notice: "BYQ受〔2026〕1号")
    let package = PackageCase(
      id: "BYQ-2026-000001", registration: registered, registeredOn: accepted,
      registeredAt: 0, registeredBy: "wangfang")
    return PackageProgress(package, applications: apps, calendar: calendar)
  }

  func testTheDeadlineIsTheSlowestMembersUnlessThePackagePromisesLess() {
    let longest = progress(promise: 10)
    XCTAssertEqual(longest.longestDue, day("2026-11-09"), "5 working days after Monday")
    XCTAssertEqual(longest.due, day("2026-11-09"), "the slowest member's")
    XCTAssertEqual(longest.slowest, 1)
    let promised = progress(promise: 3)
    XCTAssertEqual(promised.due, day("2026-11-05"), "its own promise, shorter")
    XCTAssertEqual(
      promised.members.map(\.due), [day("2026-11-03"), day("2026-11-09"), day("2026-11-05")])
  }

  func testThePackageConcludesWhenEveryMemberDoesAndTheSlowestIsTheOpenOneDueLast() {
    func close(_ id: String, on date: String, _ apps: inout [String: Application]) {
      apps[id]?.status = .concluded
      apps[id]?.closedOn = day(date)
    }
    let partly = progress(promise: 3) { close("BYQ-2026-000003", on: "2026-11-04", &$0) }
    XCTAssertFalse(partly.isConcluded)
    XCTAssertEqual(partly.statusText, "办理中(已办结 1/3)")
    XCTAssertEqual(partly.slowest, 2, "the 5-day member is done: the 3-day one is now slowest")
    XCTAssertNil(partly.concludedOn)
    let all = progress(promise: 3) {
      close("BYQ-2026-000002", on: "2026-11-03", &$0)
      close("BYQ-2026-000003", on: "2026-11-06", &$0)
      close("BYQ-2026-000004", on: "2026-11-05", &$0)
    }
    XCTAssertTrue(all.isConcluded)
    XCTAssertEqual(all.statusText, "已办结")
    XCTAssertEqual(all.concludedOn, day("2026-11-06"))
    XCTAssertEqual(all.slowest, 1, "concluded last")
  }

  func testAPackageEntryNeedsMembersInUseOfSeveralOrganisationsAndTheCentreAsItsOwner() {
    var entry = sampleItem(code: "ZWZX-YJS-001")
    entry.organisation = "ZWZX"
    entry.package = ItemPackage(
      members: ["SCJG-DJ-001", "MZJ-JF-001"], sharedMaterials: ["经营者居民身份证"])
    var a = sampleItem(code: "SCJG-DJ-001")
    a.status = .active
    var b = sampleItem(code: "MZJ-JF-001")
    b.organisation = "MZJ"
    let members = ["SCJG-DJ-001": a, "MZJ-JF-001": b]
    XCTAssertEqual(entry.problems(organisations: catalogOrgs), [])
    XCTAssertEqual(entry.packageProblems(members: members, centre: catalogCentre), [])

    var one = entry
    one.package?.members = ["SCJG-DJ-001"]
    XCTAssertEqual(one.problems(organisations: catalogOrgs).first?.field, .package)
    var twice = entry
    twice.package?.members = ["SCJG-DJ-001", "SCJG-DJ-001"]
    XCTAssertEqual(
      twice.problems(organisations: catalogOrgs).first?.description, "「一件事」成员「SCJG-DJ-001」重复")
    XCTAssertEqual(
      entry.packageProblems(members: ["SCJG-DJ-001": a], centre: catalogCentre).first?.message,
      "成员事项「MZJ-JF-001」不在事项库中")
    var sameOrg = members
    sameOrg["MZJ-JF-001"]?.organisation = "SCJG"
    XCTAssertEqual(
      entry.packageProblems(members: sameOrg, centre: catalogCentre).first?.message,
      "成员事项应属于至少两个单位(跨部门的事项才组成一件事)")
    var suspended = members
    suspended["MZJ-JF-001"]?.status = .suspended
    XCTAssertNotNil(entry.packageProblems(members: suspended, centre: catalogCentre).first)
    var department = entry
    department.organisation = "SCJG"
    XCTAssertEqual(
      department.packageProblems(members: members, centre: catalogCentre).first?.field,
      .organisation, "a package spanning organisations is the centre's")
    var lonely = entry
    lonely.package?.sharedMaterials = ["个体工商户登记(备案)申请书", "不存在的材料"]
    XCTAssertEqual(
      lonely.packageProblems(members: members, centre: catalogCentre).first?.message,
      "共享材料「不存在的材料」应是至少两个成员都要求的材料")
  }

  func testAMemberRegistrationKeepsThePackageNumberAndOlderRegistrationsTheirBytes() throws {
    var r = ApplicationScript.registration()
    let plain = r.canonicalJSON
    XCTAssertFalse(plain.contains("package"), "no key when not a member")
    r.package = "BYQ-2026-000001"
    let member = r.canonicalJSON
    XCTAssertEqual(
      member, CanonicalJSON.encodeWithFoundation(r), "sorted keys, as the encoder writes")
    XCTAssertEqual(try ApplicationRegistered.decodeComposed(member).package, "BYQ-2026-000001")
  }
}
