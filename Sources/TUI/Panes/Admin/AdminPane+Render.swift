import Domain
import Foundation
import Store

extension AdminPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    if case .form = mode {
      form.render(into: &frame, area: area)
      return
    }
    ViewTabs.render(tabs, active: view.rawValue, into: &frame, area: area)
    if let loadError {
      frame.put(
        "无法读取: \(loadError)", x: area.x, y: area.y + 2, maxWidth: area.width, style: .danger)
      return
    }
    let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 4))
    let (columns, rows) = self.table(context)
    var shown = cursor
    shown.clamp(count: rows.count, page: max(1, table.height - 1))
    TableView.render(columns: columns, rows: rows, cursor: shown, into: &frame, area: table)
    frame.put(footer, x: area.x, y: area.maxY - 1, maxWidth: area.width, style: footerStyle)
  }

  var footer: String {
    if case .confirm(let disable) = mode { return confirmQuestion(disable: disable) }
    switch view {
    case .organisations: return "a 添加单位  e 更名  d 停用/启用(还有办理中案件或在用账号时拒绝)"
    case .staff: return "a 添加工作人员  e 调整角色  d 停用/启用账号;登录名即操作系统账号"
    case .peers: return "登记乡镇节点: zwfw node add;交换同步文件在「同步」窗格"
    case .rules: return "e 修改所选参数(区级系统管理员;已登记的案件不受影响)"
    case .phrases: return "a 添加  e 修改  d 停用  [ ] 前移/后移;F6 在多行输入框中选用"
    }
  }

  var footerStyle: Style {
    if case .confirm = mode { return .warning }
    return .dim
  }

  func confirmQuestion(disable: Bool) -> String {
    let verb = disable ? "停用" : "启用"
    switch view {
    case .organisations:
      let o = organisations[safe: cursor.selected]
      return "\(verb)单位 \(o?.code ?? "") \(o?.name ?? "")?  y 确认  n 取消"
    case .staff:
      let s = staff[safe: cursor.selected]
      return "\(verb)账号 \(s?.login ?? "") \(s?.name ?? "")?  y 确认  n 取消"
    case .peers, .rules:
      return ""
    case .phrases:
      let p = phrases[safe: cursor.selected]
      return "停用常用语 \(p?.id ?? "")(不再供选用,记录保留)?  y 确认  n 取消"
    }
  }

  func table(_ context: AppContext) -> ([TableColumn], [TableRow]) {
    let names = Dictionary(
      organisations.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    func state(_ disabled: Bool) -> TableCell {
      disabled ? TableCell("停用", style: .warning) : TableCell("在用")
    }
    switch view {
    case .organisations:
      return (
        [
          TableColumn("代码", width: 8, key: true), TableColumn("名称", width: 16, flexible: true),
          TableColumn("类别", width: 4), TableColumn("上级", width: 8),
          TableColumn("服务节点", width: 8), TableColumn("状态", width: 4),
        ],
        organisations.map { o in
          TableRow([
            TableCell(o.code), TableCell(FieldText.sanitizeForDisplay(o.name)),
            TableCell(o.kind.title), TableCell(o.parent ?? ""),
            TableCell(o.node ?? (o.kind == .district ? "" : "区级")), state(o.disabled),
          ])
        }
      )
    case .staff:
      return (
        [
          TableColumn("登录名", width: 10, key: true), TableColumn("姓名", width: 8),
          TableColumn("单位", width: 14, flexible: true),
          TableColumn("角色", width: 16, flexible: true),
          TableColumn("状态", width: 4),
        ],
        staff.map { s in
          TableRow([
            TableCell(s.login), TableCell(FieldText.sanitizeForDisplay(s.name)),
            TableCell(FieldText.sanitizeForDisplay(names[s.org] ?? s.org)),
            TableCell(s.roles.sorted().map(\.title).joined(separator: "、")), state(s.disabled),
          ])
        }
      )
    case .peers:
      return (
        [
          TableColumn("代码", width: 6, key: true), TableColumn("名称", width: 12, flexible: true),
          TableColumn("最近导出", width: 16), TableColumn("最近导入", width: 16),
        ],
        peers.map { p in
          TableRow([
            TableCell(p.code), TableCell(FieldText.sanitizeForDisplay(p.name)),
            TableCell(SyncPane.bundleCell(p.lastExport, none: "未导出", context)),
            TableCell(SyncPane.bundleCell(p.lastImport, none: "未导入", context)),
          ])
        }
      )
    case .rules:
      return (
        [
          TableColumn("参数", width: 20, flexible: true, key: true),
          TableColumn("值", width: 4, alignRight: true),
          TableColumn("默认", width: 4, alignRight: true),
          TableColumn("依据", width: 10),
        ],
        rules.map { r in
          TableRow([
            TableCell(r.title), TableCell(String(r.value)), TableCell(String(r.defaultValue)),
            TableCell(r.article ?? ""),
          ])
        }
      )
    case .phrases:
      return phraseTable(names)
    }
  }
}
