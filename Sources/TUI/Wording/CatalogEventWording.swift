import Domain

/// 事项库 wording for the timeline.
enum CatalogEventWording {
  static func describe(_ e: Event) throws -> String? {
    func note(_ prefix: String) throws -> String {
      let n = try e.decode(ChangeNote.self)
      return n.note.isEmpty ? prefix : "\(prefix): \(n.note)"
    }
    switch e.type {
    case .catalogVersionEffective:
      let v = try e.decode(CatalogVersionEffective.self)
      return "第\(v.item.version)版生效(\(v.kind.title),\(v.changeID))"
    case .catalogChangeDrafted:
      let p = try e.decode(ChangeProposal.self)
      return "起草\(p.urgent ? "应急" : "")\(p.kind.title)申请: \(p.reason)"
    case .catalogChangeEdited: return "修改草稿"
    case .catalogChangeSubmitted: return "提交申请"
    case .catalogChangeApproved: return try note("审核通过")
    case .catalogChangeReturned: return try note("审核退回")
    case .catalogChangeTested:
      let t = try e.decode(ChangeTestResult.self)
      return t.passed
        ? "系统测试通过: \(t.note);第\(t.version ?? 0)版生效" : "系统测试未通过: \(t.note)"
    case .catalogChangeUrgentEffective:
      let v = try e.decode(ChangeVersion.self)
      return "应急处置: 第\(v.version)版立即生效,待报备"
    case .catalogChangeFiled: return try note("报备")
    case .catalogChangeWithdrawn: return try note("撤回")
    case .catalogChangeImported:
      let i = try e.decode(ChangeImported.self)
      return "导入事项库文件 \(i.source): 第\(i.version)版生效"
    case .catalogChangeBatchRecorded:
      let b = try e.decode(ChangeBatch.self)
      return "导入事项库文件 \(b.source): \(b.items.count)个事项,提交审核"
    case .listAdjustmentRecorded:
      let r = try e.decode(ListAdjustmentRecord.self)
      return "登记\(r.list.title)调整(\(r.document)),涉及\(r.items.count)个事项"
    case .listAdjustmentItemSettled:
      let s = try e.decode(ListAdjustmentSettlement.self)
      return "事项 \(s.code) 已更新(\(s.changeID))"
    case .listAdjustmentClosed: return try note("核销")
    default: return nil
    }
  }
}
