import Domain

extension ApplicationsPane {
  public func render(into frame: inout Frame, area: Rect, _ context: AppContext) {
    switch mode {
    case .list: renderList(into: &frame, area: area, context)
    case .detail: renderCase(into: &frame, area: area, context)
    }
    switch layer {
    case .none: break
    case .itemPicker(let p), .notices(let p):
      frame.cursor = nil
      p.render(into: &frame, area: area)
    case .registration(let e): e.render(into: &frame, area: area)
    case .checklist(let c, let purpose):
      frame.fill(area)
      frame.cursor = nil
      let a = view?.application
      let title = purpose == .check ? "核对材料" : "补正收件(申请人补交材料)"
      frame.put(
        "\(title)  \(a?.caseID ?? "")  \(a?.item.name ?? "")", x: area.x, y: area.y,
        maxWidth: area.width, style: .bold)
      let hint =
        purpose == .check
        ? "Enter 切换 1已收 2缺 3有误 4免提交,F5 保存"
        : "按申请人补交的情况标记,F5 保存;材料齐全即可受理,受理日期为今天"
      frame.put(hint, x: area.x, y: area.y + 1, maxWidth: area.width, style: .dim)
      c.render(
        into: &frame,
        area: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3),
        focused: true)
    case .supplement(let e): e.render(into: &frame, area: area)
    case .form(let f, _):
      frame.fill(area)
      f.render(into: &frame, area: area)
    }
    if let confirm {
      frame.cursor = nil
      confirm.dialog.render(into: &frame, area: area)
    }
    if let overlay = work.overlay {
      if case .form = overlay { frame.fill(area) }
      overlay.render(into: &frame, area: area)
    }
  }
}
