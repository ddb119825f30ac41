extension CatalogChangeMachine {
  /// Whether a proposal may stand: a reason, a kind that fits the item's status, a base version
  /// that is still the one in effect, a code that is unique, and a complete, valid guide.
  public static func checkProposal(_ p: ChangeProposal, _ ctx: CatalogDecisionContext) -> Refusal? {
    if let r = checkNote(p.reason, "变更说明", required: true) { return r }
    if let other = ctx.pendingChange {
      return Refusal("事项「\(p.itemCode)」已有未办结的变更申请 \(other),请先办结或撤回后再起草")
    }
    guard p.proposed.code == p.itemCode else {
      return Refusal("变更不能修改事项编码;如需新编码,请起草「开通」并「终止」原事项")
    }
    let current = ctx.history?.current
    if p.kind == .open {
      if let current {
        return Refusal("事项编码「\(p.itemCode)」已被「\(current.name)」使用,编码不能重复")
      }
      guard p.proposed.status == .active, p.baseVersion == nil else {
        return Refusal("开通的事项应为「在用」状态")
      }
    } else {
      guard let current else { return Refusal("事项「\(p.itemCode)」不存在,新事项请起草「开通」") }
      if let r = checkKind(p, current) { return r }
    }
    guard p.kind == .open || p.kind == .modify else { return nil }
    if let first = p.proposed.problems(organisations: ctx.organisations).first {
      return Refusal(first.description)
    }
    if let first = p.proposed.packageProblems(members: ctx.packageMembers, centre: ctx.centre)
      .first
    {
      return Refusal(first.description, article: "第十九条")
    }
    return nil
  }

  static func checkKind(_ p: ChangeProposal, _ current: CatalogItem) -> Refusal? {
    guard ChangeKind.available(for: current.status).contains(p.kind) else {
      if current.status == .terminated {
        return Refusal("事项「\(current.name)」已终止,不能再\(p.kind.title)", article: "第十二条")
      }
      return Refusal("事项「\(current.name)」当前为「\(current.status.title)」,不能\(p.kind.title)")
    }
    guard p.baseVersion == current.version else {
      return Refusal(
        "事项「\(current.name)」现行为第\(current.version)版,本申请基于第\(p.baseVersion ?? 0)版,请按现行版本重新修改")
    }
    guard p.proposed.status == p.kind.resultingStatus(from: current.status) else {
      return Refusal("\(p.kind.title)后事项应为「\(p.kind.resultingStatus(from: current.status).title)」")
    }
    if p.kind == .modify {
      if p.proposed.sameContent(as: current) {
        return Refusal("拟变更内容与现行第\(current.version)版相同,没有需要变更的要素")
      }
      return nil
    }
    var expected = current.content
    expected.status = p.proposed.status
    guard p.proposed.content == expected else {
      return Refusal("\(p.kind.title)只改变事项状态;要修改其他要素,请起草「变更」")
    }
    return nil
  }

  /// The proposal for 暂停 / 恢复 / 终止: the current guide with only the status changed.
  public static func statusProposal(
    _ kind: ChangeKind, current: CatalogItem, reason: String, urgent: Bool
  ) -> ChangeProposal {
    var item = current.content
    item.status = kind.resultingStatus(from: current.status)
    return ChangeProposal(
      kind: kind, itemCode: current.code, baseVersion: current.version, proposed: item,
      reason: reason, urgent: urgent)
  }
}
