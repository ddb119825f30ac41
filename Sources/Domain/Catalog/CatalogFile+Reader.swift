import Foundation

extension CatalogFile {
  /// Reads one item object field by field, so a refusal names the item and the field.
  struct FieldReader {
    let index: Int
    let object: [String: JSONValue]?
    /// The file's format version: `national` and `issuer` exist from 2 on.
    var version = CatalogFile.formatVersion

    /// `第3项(SCJG-XK-001)「承诺时限」应为整数`
    func problem(_ field: CatalogField, _ message: String, code: String? = nil) -> Refusal {
      let c = code ?? object?["code"]?.string ?? ""
      let which = c.isEmpty ? "第\(index)项" : "第\(index)项(\(FieldText.sanitizeForDisplay(c)))"
      return Refusal("\(which)「\(field.title)」\(message)")
    }

    func value(_ field: CatalogField) throws -> JSONValue {
      guard let v = object?[field.rawValue], v != .null else {
        throw problem(field, "缺失(字段 \"\(field.rawValue)\")")
      }
      return v
    }

    func string(_ field: CatalogField) throws -> String {
      guard let s = try value(field).string else { throw problem(field, "应为文本") }
      return s
    }

    func int(_ field: CatalogField) throws -> Int {
      guard let n = try value(field).int else { throw problem(field, "应为整数(工作日数)") }
      return n
    }

    func bool(_ field: CatalogField) throws -> Bool {
      guard let b = try value(field).bool else { throw problem(field, "应为 true 或 false") }
      return b
    }

    func item() throws -> CatalogItem {
      guard let object else { throw Refusal("第\(index)项不是 JSON 对象") }
      for key in object.keys.sorted()
      where !CatalogFile.itemKeys.contains(key) || (version < 2 && key == "national") {
        throw Refusal("第\(index)项有未知字段 \"\(FieldText.sanitizeForDisplay(key))\"")
      }
      let code = try string(.code).trimmingSpaces()
      guard let type = ItemType(title: try string(.type)) else {
        throw problem(.type, "应为 " + ItemType.allCases.map(\.title).joined(separator: "、") + " 之一")
      }
      guard let status = ItemStatus(title: try string(.status)) else {
        throw problem(.status, "应为 在用、暂停 或 已终止")
      }
      return CatalogItem(
        code: code, name: try string(.name), type: type, organisation: try string(.organisation),
        legalBasis: try string(.legalBasis), conditions: try string(.conditions),
        materials: try materials(), intermediaries: try string(.intermediaries),
        steps: try string(.steps), legalDays: try int(.legalDays),
        promisedDays: try int(.promisedDays), fee: try string(.fee), result: try string(.result),
        place: try string(.place), hours: try string(.hours), phone: try string(.phone),
        isFullyOnline: try bool(.fullyOnline), status: status, national: try national(),
        aliases: try aliases())
    }

    /// 别名: optional, a list of texts.
    func aliases() throws -> [String]? {
      guard let raw = object?[CatalogField.aliases.rawValue], raw != .null else { return nil }
      guard let list = raw.array else { throw problem(.aliases, "应为文本列表") }
      return try list.map {
        guard let s = $0.string else { throw problem(.aliases, "应为文本列表") }
        return s
      }
    }

    func materials() throws -> [Material] {
      guard let list = try value(.materials).array else {
        throw problem(.materials, "应为材料列表")
      }
      return try list.enumerated().map { n, raw in
        let at = "第\(n + 1)项材料"
        guard let m = raw.object else { throw problem(.materials, "\(at)不是 JSON 对象") }
        for key in m.keys.sorted()
        where !CatalogFile.materialKeys.contains(key) || (version < 2 && key == "issuer") {
          throw problem(.materials, "\(at)有未知字段 \"\(FieldText.sanitizeForDisplay(key))\"")
        }
        guard let name = m["name"]?.string else {
          throw problem(.materials, "\(at)缺少名称 \"name\"")
        }
        guard let form = m["form"]?.string.flatMap(MaterialForm.init(title:)) else {
          throw problem(.materials, "\(at)「\(name)」的 \"form\" 应为 原件、复印件 或 原件和复印件")
        }
        guard let copies = m["copies"]?.int else {
          throw problem(.materials, "\(at)「\(name)」的份数 \"copies\" 应为整数")
        }
        guard let required = m["required"]?.bool, let shared = m["shared"]?.bool else {
          throw problem(.materials, "\(at)「\(name)」的 \"required\"、\"shared\" 应为 true 或 false")
        }
        guard let note = m["note"].map({ $0.string }) ?? "" else {
          throw problem(.materials, "\(at)「\(name)」的备注 \"note\" 应为文本")
        }
        var issuer: String?
        if let raw = m["issuer"], raw != .null {
          guard let text = raw.string else {
            throw problem(.materials, "\(at)「\(name)」的出具机构 \"issuer\" 应为文本")
          }
          issuer = text
        }
        return Material(
          name: name, form: form, copies: copies, required: required, shared: shared, note: note,
          issuer: issuer)
      }
    }
  }
}
