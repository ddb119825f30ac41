import Domain

/// 事项库 wording for the timeline.
enum CatalogEventWording {
  static func describe(_ e: Event) -> String? {
    func note(_ prefix: String) -> String {
      guard let n = try? e.decode(ChangeNote.self), !n.note.isEmpty else { return prefix }
      return "\(prefix): \(n.note)"
    }
    switch e.type {
    case .catalogVersionEffective:
      let v = try? e.decode(CatalogVersionEffective.self)
      return v.map { "第\($0.item.version)版生效(\($0.kind.title),\($0.changeID))" } ?? "新版本生效"
    case .catalogChangeDrafted:
      let p = try? e.decode(ChangeProposal.self)
      return p.map { "起草\($0.urgent ? "应急" : "")\($0.kind.title)申请: \($0.reason)" } ?? "起草变更申请"
    case .catalogChangeEdited: return "修改草稿"
    case .catalogChangeSubmitted: return "提交申请"
    case .catalogChangeApproved: return note("审核通过")
    case .catalogChangeReturned: return note("审核退回")
    case .catalogChangeTested:
      guard let t = try? e.decode(ChangeTestResult.self) else { return "记录系统测试" }
      return t.passed
        ? "系统测试通过: \(t.note);第\(t.version ?? 0)版生效" : "系统测试未通过: \(t.note)"
    case .catalogChangeUrgentEffective:
      let v = try? e.decode(ChangeVersion.self)
      return "应急处置: 第\(v?.version ?? 0)版立即生效,待报备"
    case .catalogChangeFiled: return note("报备")
    case .catalogChangeWithdrawn: return note("撤回")
    case .catalogChangeImported:
      let i = try? e.decode(ChangeImported.self)
      return i.map { "导入事项库文件 \($0.source): 第\($0.version)版生效" } ?? "导入生效"
    case .listAdjustmentRecorded:
      let r = try? e.decode(ListAdjustmentRecord.self)
      return r.map { "登记\($0.list.title)调整(\($0.document)),涉及\($0.items.count)个事项" } ?? "登记清单调整"
    case .listAdjustmentItemSettled:
      let s = try? e.decode(ListAdjustmentSettlement.self)
      return s.map { "事项 \($0.code) 已更新(\($0.changeID))" } ?? "事项已更新"
    case .listAdjustmentClosed: return note("核销")
    default: return nil
    }
  }
}
