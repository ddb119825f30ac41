import Foundation

/// 事项库文件 — the whole catalog as JSON (`zwfw catalog export` / `import`), documented in
/// `share/zwfw/catalog-format.md`. Enumerations are written in Chinese as a clerk reads them
/// (`"type": "行政许可"`, `"status": "在用"`, `"form": "原件"`), so the file can be checked by eye.
public enum CatalogFile {
  public static let format = "zwfw-catalog"
  /// Written: 2 (adds `national` to an item and `issuer` to a material). Read: 1 and 2.
  public static let formatVersion = 2
  public static let readableVersions: Set<Int> = [1, 2]

  /// One item as written in the file.
  struct ItemDTO: Codable {
    var code, name, type, organisation, legalBasis, conditions: String
    var materials: [MaterialDTO]
    var intermediaries, steps: String
    var legalDays, promisedDays: Int
    var fee, result, place, hours, phone: String
    var fullyOnline: Bool
    var status: String
    var national: NationalDTO?
    /// 别名, left out when none (any format version may carry it).
    var aliases: [String]?
  }

  struct MaterialDTO: Codable {
    var name, form: String
    var copies: Int
    var required, shared: Bool
    var note: String
    var issuer: String?
  }

  /// An organisation an item names (its 实施主体), so a new district can create it on import.
  struct OrganisationDTO: Codable {
    var code, name, kind: String
    /// 统一社会信用代码 (format 2), left out when not recorded.
    var creditCode: String?
  }

  struct FileDTO: Codable {
    var format: String
    var formatVersion: Int
    var district: String
    var exportedAt: String
    var organisations: [OrganisationDTO]?
    var items: [ItemDTO]
  }

  static let itemKeys: Set<String> = Set(CatalogField.allCases.map(\.rawValue))
  static let materialKeys: Set<String> = [
    "name", "form", "copies", "required", "shared", "note", "issuer",
  ]

  /// The file for a catalog, items in code order; the same catalog always gives the same bytes.
  /// - Parameter organisations: the organisations the items name, written with code, name and
  ///   kind (older files have none; the key is left out when the list is empty).
  public static func encode(
    _ items: [CatalogItem], organisations: [Organisation] = [], district: String,
    exportedAt: String
  ) -> String {
    let named = Set(items.map(\.organisation))
    let orgs = organisations.filter { named.contains($0.code) }.sorted { $0.code < $1.code }
      .map {
        OrganisationDTO(
          code: $0.code, name: $0.name, kind: $0.kind.title, creditCode: $0.creditCode)
      }
    let dto = FileDTO(
      format: format, formatVersion: formatVersion, district: district, exportedAt: exportedAt,
      organisations: orgs.isEmpty ? nil : orgs,
      items: items.sorted { $0.code < $1.code }.map { i in
        ItemDTO(
          code: i.code, name: i.name, type: i.type.title, organisation: i.organisation,
          legalBasis: i.legalBasis, conditions: i.conditions,
          materials: i.materials.map {
            MaterialDTO(
              name: $0.name, form: $0.form.title, copies: $0.copies, required: $0.required,
              shared: $0.shared, note: $0.note, issuer: $0.issuer)
          }, intermediaries: i.intermediaries, steps: i.steps, legalDays: i.legalDays,
          promisedDays: i.promisedDays, fee: i.fee, result: i.result, place: i.place,
          hours: i.hours, phone: i.phone, fullyOnline: i.isFullyOnline, status: i.status.title,
          national: i.national.map(NationalDTO.init), aliases: i.aliases)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(dto) else {
      preconditionFailure("catalog file not encodable")
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a file into items (version 0: not yet in effect here). Refuses with the first
  /// offending item and field, checking every element as a change would (`problems`).
  public static func decode(_ data: Data, organisations: Set<String>) -> Result<
    [CatalogItem], Refusal
  > {
    guard let root = JSONValue.parse(data)?.object else {
      return .failure(Refusal("文件不是有效的 JSON(应为一个对象,见 share/zwfw/catalog-format.md)"))
    }
    guard root["format"]?.string == format else {
      return .failure(Refusal("不是 zwfw 事项库文件: \"format\" 应为 \"\(format)\""))
    }
    guard let version = root["formatVersion"]?.int, readableVersions.contains(version) else {
      return .failure(Refusal("不支持的事项库文件版本,本程序读取 formatVersion 1 和 2"))
    }
    guard let rawItems = root["items"]?.array else {
      return .failure(Refusal("文件缺少事项列表 \"items\""))
    }
    guard !rawItems.isEmpty else { return .failure(Refusal("文件中没有任何事项")) }
    var items: [CatalogItem] = []
    var firstIndex: [String: Int] = [:]
    for (i, raw) in rawItems.enumerated() {
      let reader = FieldReader(index: i + 1, object: raw.object, version: version)
      do {
        let item = try reader.item().trimmed
        if let p = item.problems(organisations: organisations).first {
          throw reader.problem(p.field, p.message, code: item.code)
        }
        if let earlier = firstIndex[item.code] {
          throw reader.problem(.code, "与第\(earlier)项重复", code: item.code)
        }
        firstIndex[item.code] = i + 1
        items.append(item)
      } catch let r as Refusal {
        return .failure(r)
      } catch {
        return .failure(Refusal("第\(i + 1)项无法读取"))
      }
    }
    return .success(items)
  }
}

extension CatalogFile {
  /// The organisation codes the file's items name (实施主体), in order of first mention; empty
  /// when the file is not a readable catalog (decode then says why).
  public static func namedOrganisations(_ data: Data) -> [String] {
    var seen = Set<String>()
    var out: [String] = []
    for raw in JSONValue.parse(data)?.object?["items"]?.array ?? [] {
      guard let code = raw.object?["organisation"]?.string?.trimmingSpaces(), !code.isEmpty,
        seen.insert(code).inserted
      else { continue }
      out.append(code)
    }
    return out
  }

  /// The organisations the file carries (`"organisations"`), each checked as `org add` checks a
  /// new one; an older file without the list gives none.
  public static func organisations(_ data: Data) -> Result<[Organisation], Refusal> {
    guard let list = JSONValue.parse(data)?.object?["organisations"] else { return .success([]) }
    guard let array = list.array else { return .failure(Refusal("\"organisations\" 应为单位列表")) }
    var out: [Organisation] = []
    for (i, raw) in array.enumerated() {
      let o = raw.object
      guard let code = o?["code"]?.string, let name = o?["name"]?.string,
        let kindText = o?["kind"]?.string
      else {
        return .failure(Refusal("第\(i + 1)个单位应有 \"code\"、\"name\"、\"kind\" 三项文本"))
      }
      guard let kind = Organisation.Kind(title: kindText) else {
        return .failure(
          Refusal(
            "单位 \(FieldText.sanitizeForDisplay(code)) 的类别「\(FieldText.sanitizeForDisplay(kindText))」无效"
          ))
      }
      var org = Organisation(code: code, name: name.trimmingSpacesAndNewlines(), kind: kind)
      if let r = OrganisationReducer.check(org) { return .failure(r) }
      if let credit = o?["creditCode"], credit != .null {
        guard let text = credit.string else {
          return .failure(Refusal("单位 \(FieldText.sanitizeForDisplay(code)) 的 \"creditCode\" 应为文本"))
        }
        org.creditCode = text
      }
      out.append(org)
    }
    return .success(out)
  }
}

extension Action {
  /// 导入事项库 (`zwfw catalog import`) — district administrators and catalog managers.
  public static let importCatalog = Action("catalog.import", "导入事项库", roles: [.admin, .catalog])
  /// 导出事项库 (`zwfw catalog export`).
  public static let exportCatalog = Action("catalog.export", "导出事项库", roles: [.admin, .catalog])
}
