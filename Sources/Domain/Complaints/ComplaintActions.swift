/// Who may do what with complaints, supervision and the rule table.
///
/// District supervisors dispatch, approve extensions, call back and supervise; handlers act only
/// on their own organisation's cases (`ownOrganisationOnly`, checked against the case's handling
/// organisation); any window, handler or supervisor may register what they receive.
extension Action {
  public static let registerComplaint = Action(
    "complaint.register", "登记投诉建议", roles: [.counter, .handler, .supervisor])
  public static let rejectComplaint = Action(
    "complaint.reject", "不予受理", roles: [.handler, .supervisor], ownOrganisationOnly: true)
  public static let dispatchComplaint = Action(
    "complaint.dispatch", "分派投诉建议", roles: [.supervisor])
  public static let returnComplaint = Action(
    "complaint.return", "退回投诉建议", roles: [.handler], ownOrganisationOnly: true)
  public static let mergeComplaint = Action(
    "complaint.merge", "合并投诉建议", roles: [.handler, .supervisor], ownOrganisationOnly: true)
  public static let splitComplaint = Action(
    "complaint.split", "拆分投诉建议", roles: [.handler, .supervisor], ownOrganisationOnly: true)
  public static let requestExtension = Action(
    "complaint.extension", "申请延期", roles: [.handler], ownOrganisationOnly: true)
  public static let decideExtension = Action(
    "complaint.extensionDecide", "审批延期", roles: [.supervisor])
  public static let concludeComplaint = Action(
    "complaint.conclude", "办结投诉建议", roles: [.handler], ownOrganisationOnly: true)
  public static let invalidateComplaint = Action(
    "complaint.invalid", "认定无效投诉建议", roles: [.handler], ownOrganisationOnly: true)
  public static let callBackComplaint = Action(
    "complaint.callback", "回访", roles: [.supervisor])
  /// 查看保密内容 — only the handling organisation and the supervisors (第二十九条).
  public static let viewConfidential = Action(
    "complaint.viewConfidential", "查看保密投诉建议内容", roles: [.handler, .supervisor],
    ownOrganisationOnly: true)
  public static let issueSupervision = Action(
    "supervision.issue", "发出督办通知", roles: [.supervisor])
  public static let replySupervision = Action(
    "supervision.reply", "回复督办", roles: [.handler], ownOrganisationOnly: true)
  public static let spotCheck = Action("spotcheck.record", "抽查投诉建议", roles: [.supervisor])
  public static let setRule = Action("rule.set", "修改规则参数", roles: [.admin])
}
