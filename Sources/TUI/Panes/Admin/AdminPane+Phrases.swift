import Domain
import Store

/// 系统管理 → 常用语 (`t`): the templates in use, 全区通用 first and then by organisation, each
/// kind in the admins' order; add, edit, retire and move go through the same store calls as
/// `zwfw templates …`, so the pane refuses what the command refuses, in its words.
extension AdminPane {
  /// The add form (`nil`) or the edit form of `p`. Its text is the template itself: it takes
  /// no 常用语 of its own.
  static func phraseForm(_ p: PhraseTemplate?) -> Form {
    let kinds = PhraseKind.allCases.map(\.title)
    var fields: [FormField] = [.choice("kind", "类别", kinds, value: p?.kind.title)]
    if p == nil {
      fields.append(.text("org", "单位代码", max: 12, placeholder: "留空为全区通用"))
    }
    fields.append(
      .area(
        "text", "内容", value: p?.text ?? "", max: PhraseTemplate.maxLength, lines: 4, required: true
      )
      .phrases(nil))
    var form = Form(
      title: p.map { "修改常用语 \($0.id)" } ?? "添加常用语", fields: fields)
    form.footer =
      p == nil
      ? ["单位代码留空为全区通用(区级节点维护);填了只给该单位用。"]
      : ["类别改了的,排到新类别的最后。"]
    return form
  }

  /// The change a filled phrase form asks for.
  func phraseWork(_ edit: Edit, _ form: Form) -> Result<AdminWork, Refusal> {
    PhraseKind.parse(form["kind"]).map { kind in
      switch edit {
      case .editPhrase(let id): return .editPhrase(id, kind, text: form["text"])
      default:
        let org = form["org"].isEmpty ? nil : form["org"]
        return .addPhrase(kind, org: org, text: form["text"])
      }
    }
  }

  mutating func movePhrase(up: Bool) -> Update<AdminEffect> {
    guard view == .phrases else { return .toast(.info("[ 和 ] 调整常用语的顺序(按 t 切换到常用语)")) }
    guard let p = phrases[safe: cursor.selected] else { return .handled }
    // The cursor follows the template, when it has a neighbour of its kind and scope to pass.
    let neighbour = phrases[safe: cursor.selected + (up ? -1 : 1)]
    if neighbour?.kind == p.kind, neighbour?.org == p.org {
      _ = cursor.handle(up ? .up : .down, count: rowCount, page: 10)
    }
    return .run(.perform(.movePhrase(p, up: up)))
  }

  func phraseTable(_ names: [String: String]) -> ([TableColumn], [TableRow]) {
    (
      [
        TableColumn("编号", width: 8, key: true), TableColumn("范围", width: 10),
        TableColumn("类别", width: 12), TableColumn("序", width: 2, alignRight: true),
        TableColumn("内容", width: 20, flexible: true),
      ],
      phrases.map { p in
        TableRow([
          TableCell(p.id),
          TableCell(FieldText.sanitizeForDisplay(p.scopeTitle { names[$0] })),
          TableCell(p.kind.title), TableCell(String(p.position)),
          TableCell(FieldText.sanitizeForDisplay(p.text)),
        ])
      }
    )
  }
}
