import Domain

/// The detail views: every element of an item with its versions and a diff, a change application
/// with what it changes and its timeline, a list adjustment with its items.
extension CatalogPane {
  /// Shows what a detail read found (or why it could not be read) for `next`.
  mutating func showDetail(
    _ next: Subject, _ read: Result<CatalogDetailData, any Error>, keepScroll: Bool = false
  ) {
    var lines: [DetailLine]
    shownChange = nil
    stepRefusals = [:]
    switch read {
    case .success(.item(let code, let data)): lines = itemDetail(code: code, data)
    case .success(.change(let id, let data)):
      lines = changeDetail(id: id, data)
      shownChange = data?.change
      stepRefusals = data?.refusals ?? [:]
    case .success(.adjustment(let id, let data)): lines = adjustmentDetail(id: id, data)
    case .failure(let error): lines = [.heading("无法读取"), .text(CLI.message(for: error))]
    }
    let same = subject == next
    subject = next
    mode = .detail
    if keepScroll || same {
      detail.lines = lines
    } else {
      detail = DetailView(lines: lines)
    }
  }

  func itemDetail(code: String, _ data: ItemDetailData?) -> [DetailLine] {
    guard let data else {
      return [.heading("事项 \(code)"), .text("事项库中没有此事项(可能尚未开通)")]
    }
    let (current, item) = (data.current, data.item)
    let isCurrent = item.version == current.version
    var lines: [DetailLine] = [.heading("\(item.code) \(item.name)")]
    let versionText =
      "第\(item.version)版" + (isCurrent ? "(现行)" : "(历史版本,现行为第\(current.version)版)")
      + " \(item.effectiveOn?.iso ?? "") 生效"
    lines.append(.styled("版本", versionText, isCurrent ? .bold : .warning))
    // The comparison comes first: it is what the clerk asked to see.
    if let other = data.other {
      let (old, new) = other.version < item.version ? (other, item) : (item, other)
      lines += [.heading("第\(old.version)版与第\(new.version)版对比")]
      lines += differenceLines(new.differences(from: old))
      lines += [.blank, .heading("第\(item.version)版全部要素")]
    }
    lines += guideLines(item)
    lines += [.blank, .heading("版本记录(Left/Right 切换, d 对比)")]
    for v in data.versions.reversed() {
      let mark = v.version == item.version ? "(当前查看)" : ""
      lines.append(
        .field(
          "第\(v.version)版",
          "\(v.effectiveOn?.iso ?? "") \(v.kind.title) \(v.changeID)\(mark)"))
    }
    if let c = data.pending {
      lines += [
        .blank,
        .styled("未办结变更", "\(c.id) \(c.kind.title) \(c.stage.title)", .warning),
      ]
    }
    return lines
  }

  /// Every element of the guide, long texts wrapping in the detail view.
  func guideLines(_ item: CatalogItem) -> [DetailLine] {
    var lines: [DetailLine] = [
      .styled("事项状态", item.status.title, Self.statusStyle(item.status)),
      .field(
        "事项类型",
        item.kindTitle == item.type.title
          ? item.type.title : "\(item.kindTitle)(\(item.type.title))"),
      .field("实施主体", "\(organisationName(item.organisation))(\(item.organisation))"),
    ]
    if let aliases = item.aliases, !aliases.isEmpty {
      lines.append(.field("别名", aliases.joined(separator: "、")))
    }
    if let p = item.package {
      // 一件事 (第十九条): registered once at the counter, a sub-case per member.
      lines.append(.heading("一件事(\(p.members.count)个成员事项,共享材料只收一次)"))
      lines.append(.field("成员事项", p.members.joined(separator: "、")))
      lines.append(
        .field("共享材料", p.sharedMaterials.isEmpty ? "无" : p.sharedMaterials.joined(separator: "、")))
    }
    lines += [
      .field("设定依据", item.legalBasis),
      .field("受理条件", item.conditions),
      .heading("申请材料(\(item.materials.count)项)"),
    ]
    for (i, m) in item.materials.enumerated() {
      lines.append(.text("\(i + 1). \(m.name): \(m.summary)"))
    }
    lines += [
      .field("中介服务", item.intermediaries.isEmpty ? "无" : item.intermediaries),
      .field("办理流程", item.steps),
      .field("法定时限", CatalogItem.limitText(item.legalDays)),
      .field("承诺时限", CatalogItem.limitText(item.promisedDays)),
      .field("收费标准", item.fee),
      .field("办理结果", item.result),
      .field("办理地点", item.place),
      .field("办理时间", item.hours),
      .field("咨询电话", item.phone),
      .field("全程网办", item.isFullyOnline ? "是" : "否"),
    ]
    if let national = item.national {
      lines.append(.heading("国家标准要素(GB/T 39046)"))
      lines += national.fields.map { .field($0.label, $0.value.isEmpty ? "无" : $0.value) }
    }
    return lines
  }

  func differenceLines(_ diffs: [CatalogDifference]) -> [DetailLine] {
    guard !diffs.isEmpty else { return [.text("两个版本内容相同")] }
    var lines: [DetailLine] = []
    for d in diffs {
      if d.field == .materials || d.field == .national {
        lines.append(.field(d.field.title, "\(d.old) 改为 \(d.new)"))
        lines += d.details.map { .text($0) }
      } else if d.field == .organisation {
        lines.append(
          .field(d.field.title, "\(organisationName(d.old)) 改为 \(organisationName(d.new))"))
      } else if d.old.count + d.new.count > 30 {
        lines.append(.field(d.field.title, "原: \(d.old.isEmpty ? "无" : d.old)"))
        lines.append(.field("", "新: \(d.new.isEmpty ? "无" : d.new)"))
      } else {
        lines.append(.field(d.field.title, "\(d.old.isEmpty ? "无" : d.old) 改为 \(d.new)"))
      }
    }
    return lines
  }

  func changeDetail(id: String, _ data: ChangeDetailData?) -> [DetailLine] {
    guard let c = data?.change else {
      return [.heading("变更申请 \(id)"), .text("没有此变更申请")]
    }
    var lines: [DetailLine] = [
      .heading(
        "变更申请 \(c.id)  \(c.kind.title) "
          + (c.isBatch ? c.itemsTitle : "\(c.proposed.name)(\(c.itemCode))")),
      .styled("办理阶段", c.stageTitle, Self.stageStyle(c.stage)),
      .field("涉及单位", c.touchedOrganisations.map { organisationName($0) }.joined(separator: "、")),
      .field("起草人", "\(staffName(c.drafter))  \(c.draftedOn.iso)"),
      .field("变更说明", c.reason),
    ]
    if c.urgent { lines.append(.styled("应急处置", "是: 提交即生效,事后报备(第十二条)", .warning)) }
    if let r = c.reviewer {
      let verdict = c.stage == .returned ? "退回" : "通过"
      lines.append(
        .field(
          "审核",
          "\(staffName(r)) \(verdict)" + (c.reviewNote.map { $0.isEmpty ? "" : ": \($0)" } ?? "")))
    }
    if let t = c.tester {
      let verdict = c.stage == .testFailed ? "未通过" : "通过"
      lines.append(.field("系统测试", "\(staffName(t)) \(verdict): \(c.testNote ?? "")"))
    }
    if let f = c.filingNote { lines.append(.field("报备", "\(staffName(c.filedBy ?? "")): \(f)")) }
    if let w = c.withdrawReason { lines.append(.field("撤回原因", w)) }
    if let v = c.resultVersion { lines.append(.field("生效版本", "第\(v)版")) }
    if let source = c.importedFrom { lines.append(.field("来源", "导入文件 \(source)")) }
    lines.append(.blank)
    if let items = c.items {
      lines += batchLines(items, bases: data?.itemBases ?? [:])
    } else if c.kind == .open {
      lines.append(.heading("拟开通事项"))
      lines += guideLines(c.proposed)
    } else {
      lines.append(.heading("拟变更内容(与第\(c.baseVersion ?? 0)版相比)"))
      if let base = data?.base { lines += differenceLines(c.proposed.differences(from: base)) }
    }
    lines.append(.blank)
    lines += Timeline.lines(
      data?.events ?? [], names: names, zone: appContext?.zone ?? .shanghai)
    return lines
  }

  /// 更新期限 with its countdown while the task is open.
  func dueLine(_ a: ListAdjustment) -> DetailLine {
    let calendar = appContext?.calendar ?? .weekdaysOnly()
    let due = ListAdjustmentRules.due(a.record, calendar: calendar)
    let text =
      "\(due.iso)(\(ListAdjustmentRules.article): 调整后\(ListAdjustmentRules.updateLimit)个工作日内更新)"
    guard a.state == .open, let today = appContext?.today else { return .field("更新期限", text) }
    let countdown = calendar.countdown(today: today, due: due)
    return .styled(
      "更新期限", "\(text) \(CountdownBadge.text(countdown))", CountdownBadge.style(countdown))
  }

  func adjustmentDetail(id: String, _ data: AdjustmentDetailData?) -> [DetailLine] {
    guard let a = data?.adjustment else {
      return [.heading("清单调整 \(id)"), .text("没有此清单调整任务")]
    }
    let r = a.record
    var lines: [DetailLine] = [
      .heading("清单调整 \(a.id)  \(r.list.title)"),
      .field("调整日期", r.adjustedOn.iso),
      dueLine(a),
      .field("调整依据", r.document),
      .field("责任单位", organisationName(r.organisation)),
      .field("调整内容", r.description.isEmpty ? "无" : r.description),
      .field("登记人", "\(staffName(a.recordedBy))  \(a.recordedOn.iso)"),
      .styled("任务状态", a.state.title, a.state == .open ? .bold : .dim),
    ]
    if let reason = a.closedReason {
      lines.append(.field("核销原因", "\(staffName(a.closedBy ?? "")): \(reason)"))
    }
    lines.append(.heading("涉及事项(\(a.settled.count)/\(r.items.count) 已更新)"))
    for code in r.items {
      let name = data?.itemNames[code] ?? "(尚未开通)"
      let state = a.settled[code].map { "已更新(\($0))" } ?? "待更新"
      lines.append(.field(code, "\(name)  \(state)"))
    }
    lines.append(.blank)
    lines += Timeline.lines(
      data?.events ?? [], names: names, zone: appContext?.zone ?? .shanghai)
    return lines
  }
}
