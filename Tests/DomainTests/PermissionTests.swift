import Domain
import XCTest

/// The one permission function: roles, disabled accounts, and the organisation rule.
final class PermissionTests: XCTestCase {
  let supervisorHandler = Staff(
    login: "zhangmin", name: "张敏", org: "ZWZX", roles: [.supervisor, .handler])

  /// Supervisors watch and do not decide: holding the handler role too does not let a supervisor
  /// review or decide another organisation's application, or conclude its complaint.
  func testASupervisorWhoIsAlsoAHandlerDecidesOnlyOwnOrganisation() {
    for action in [
      ApplicationActions.decide, ApplicationActions.review, .concludeComplaint,
    ] {
      let refusal = Permission.check(
        supervisorHandler, action, organisation: "SCJGJ", organisationName: "区市场监督管理局")
      XCTAssertEqual(refusal?.message, "只有区市场监督管理局的工作人员可以\(action.title)")
      XCTAssertNil(Permission.check(supervisorHandler, action, organisation: "ZWZX"))
    }
  }

  /// Where supervising is itself one of the roles (合并, 不予受理 of a complaint), a supervisor
  /// still acts across organisations.
  func testSupervisingActionsStillReachEveryOrganisation() {
    XCTAssertNil(
      Permission.check(supervisorHandler, .mergeComplaint, organisation: "SCJGJ"))
    let handler = Staff(login: "h", name: "某", org: "ZWZX", roles: [.handler])
    XCTAssertNotNil(Permission.check(handler, .mergeComplaint, organisation: "SCJGJ"))
  }

  func testDisabledAndMissingRole() {
    var s = supervisorHandler
    s.disabled = true
    XCTAssertEqual(
      Permission.check(s, .manageStaff)?.message, "账号「zhangmin」已停用,不能管理工作人员")
    XCTAssertEqual(
      Permission.check(supervisorHandler, .manageStaff)?.message, "张敏没有系统管理角色,不能管理工作人员")
  }
}
