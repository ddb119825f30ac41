import Domain
import Foundation
import Store

extension SyncPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    var y = area.y
    let node = context.node
    let kind = node.isDistrict ? "区级节点" : "乡镇节点,属 \(node.district)"
    frame.put(
      "本节点  \(node.name)(\(node.code))  \(kind)  来源 \(node.origin)", x: area.x, y: y,
      maxWidth: area.width, style: .bold)
    y += 1
    if let loadError {
      frame.put("无法读取同步状况: \(loadError)", x: area.x, y: y + 1, maxWidth: area.width, style: .danger)
      renderPrompt(into: &frame, area: area, context)
      return
    }
    // Rows left for the lists once the prompt line is kept free.
    let bottom = area.maxY - 1
    y = renderPeers(into: &frame, area: area, y: y + 1, bottom: bottom, context)
    y = renderLines(
      "隔离区(等待补齐)", (overview?.awaiting ?? []).map { ($0.description, Style.warning) },
      none: "无", into: &frame, area: area, y: y + 1, bottom: bottom, limit: 3)
    y = renderLines(
      "分叉告警",
      (overview?.alarms ?? []).map {
        (Self.short(context.zone.format($0.at)) + " " + $0.message, Style.danger)
      },
      none: "无", into: &frame, area: area, y: y + 1, bottom: bottom, limit: 3)
    renderConflicts(into: &frame, area: area, y: y + 1, bottom: bottom)
    renderPrompt(into: &frame, area: area, context)
  }

  /// `11-26 09:30` from `2026-11-26 09:30`.
  static func short(_ text: String) -> String { String(text.dropFirst(5)) }

  static func bundleCell(_ r: BundleRecord?, none: String, _ context: AppContext) -> String {
    guard let r else { return none }
    return short(context.zone.format(r.at)) + " \(r.events)个"
  }

  func renderPeers(
    into frame: inout Frame, area: Rect, y start: Int, bottom: Int, _ context: AppContext
  ) -> Int {
    var y = start
    frame.put("对端节点", x: area.x, y: y, maxWidth: area.width, style: .header)
    y += 1
    let columns = [6, 14, 18, 18]
    let header = ["代码", "名称", "最近导出", "最近导入", "对方尚缺(按来源)"]
    putRow(header, columns, into: &frame, area: area, y: y, style: .bold)
    y += 1
    if peers.isEmpty {
      let hint = "尚未登记乡镇节点(区级系统管理员用 zwfw node add 登记)"
      frame.put(hint, x: area.x + 2, y: y, maxWidth: area.width - 2, style: .dim)
      return y + 1
    }
    for (i, p) in peers.enumerated() where y < bottom - 1 && i < 8 {
      let lack = p.lacking.isEmpty ? "无" : ImportSummary.describe(p.lacking)
      let cells = [
        p.code, p.name, Self.bundleCell(p.lastExport, none: "未导出", context),
        Self.bundleCell(p.lastImport, none: "未导入", context), lack,
      ]
      let selected = i == selectedPeer && mode != .conflicts
      putRow(cells, columns, into: &frame, area: area, y: y, style: .normal)
      if selected {
        frame.restyle(Rect(x: area.x, y: y, width: area.width, height: 1), style: .selected)
      }
      y += 1
    }
    return y
  }

  func putRow(
    _ cells: [String], _ widths: [Int], into frame: inout Frame, area: Rect, y: Int, style: Style
  ) {
    var x = area.x + 1
    for (i, cell) in cells.enumerated() {
      let width = i < widths.count ? widths[i] : area.maxX - x
      guard width > 0, x < area.maxX else { return }
      frame.put(cell, x: x, y: y, maxWidth: min(width - 1, area.maxX - x), style: style)
      x += width
    }
  }

  func renderLines(
    _ title: String, _ lines: [(String, Style)], none: String, into frame: inout Frame,
    area: Rect, y start: Int, bottom: Int, limit: Int
  ) -> Int {
    guard start < bottom else { return start }
    var y = start
    let count = lines.count > limit ? "(共 \(lines.count) 条,显示最近 \(limit) 条)" : ""
    frame.put(title + count, x: area.x, y: y, maxWidth: area.width, style: .header)
    y += 1
    if lines.isEmpty, y < bottom {
      frame.put(none, x: area.x + 2, y: y, maxWidth: area.width - 2, style: .dim)
      return y + 1
    }
    for (text, style) in lines.prefix(limit) where y < bottom {
      frame.put(text, x: area.x + 2, y: y, maxWidth: area.width - 2, style: style)
      y += 1
    }
    return y
  }

  func renderConflicts(into frame: inout Frame, area: Rect, y start: Int, bottom: Int) {
    guard start < bottom else { return }
    var y = start
    frame.put("待处理冲突(\(conflicts.count))", x: area.x, y: y, maxWidth: area.width, style: .header)
    y += 1
    guard !conflicts.isEmpty else {
      if y < bottom { frame.put("无", x: area.x + 2, y: y, maxWidth: area.width - 2, style: .dim) }
      return
    }
    let rows = max(1, bottom - y)
    let first = max(0, min(selectedConflict - rows + 1, conflicts.count - rows))
    for (i, c) in conflicts.enumerated().dropFirst(first).prefix(rows) {
      let text = "\(c.stream)  \(c.origin) 第\(c.seq)号  \(c.message)"
      frame.put(text, x: area.x + 2, y: y, maxWidth: area.width - 2, style: .normal)
      if mode != .browse, i == selectedConflict {
        frame.restyle(Rect(x: area.x, y: y, width: area.width, height: 1), style: .selected)
      }
      y += 1
    }
  }

  /// The last line: the path or resolution prompt, or the confirmation question.
  func renderPrompt(into frame: inout Frame, area: Rect, _ context: AppContext) {
    let y = area.maxY - 1
    switch mode {
    case .exportPath, .importPath:
      let label: String
      if mode == .exportPath, peers.indices.contains(selectedPeer) {
        label = "导出给\(peers[selectedPeer].name)的文件: "
      } else {
        label = "导入同步文件: "
      }
      let used = frame.put(label, x: area.x, y: y, maxWidth: area.width, style: .bold)
      path.render(into: &frame, x: area.x + used, y: y, width: area.width - used, focused: true)
    case .resolution:
      let used = frame.put("处理意见: ", x: area.x, y: y, maxWidth: area.width, style: .bold)
      note.render(into: &frame, x: area.x + used, y: y, width: area.width - used, focused: true)
    case .confirm:
      guard conflicts.indices.contains(selectedConflict) else { return }
      let c = conflicts[selectedConflict]
      frame.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: .error)
      frame.put(
        "确认处理 \(c.origin) 第\(c.seq)号事件的冲突(\(note.trimmed))? 按 y 确认,n 取消", x: area.x, y: y,
        maxWidth: area.width, style: .error)
    case .browse, .conflicts:
      break
    }
  }
}
