// pugixml helpers shared by the DOCX and ODT readers: both vocabularies
// are namespaced, and matching by local name ("p" for "w:p" or
// "text:p") keeps the readers independent of the prefixes a writer chose.
// Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_XML_UTIL_H_
#define VANBAN_DOC_FORMATS_XML_UTIL_H_

#include <pugixml.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "doc/formats/zip_archive.h"
#include "vanban/status.h"

namespace vanban::doc::xml {

// "p" for <w:p>, "table-cell" for <table:table-cell>.
inline std::string_view local_name(const char* qualified) {
  const char* colon = std::strchr(qualified, ':');
  return colon == nullptr ? std::string_view(qualified) : std::string_view(colon + 1);
}
inline std::string_view local_name(pugi::xml_node node) { return local_name(node.name()); }

// The first child element with local name `name`, or a null node.
inline pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  }
  return {};
}

// The attribute with local name `name` ("val" for w:val), or "".
inline std::string_view attr(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (local_name(a.name()) == name) return a.value();
  }
  return {};
}

// The first descendant element (depth first) with local name `name`.
inline pugi::xml_node descendant(pugi::xml_node node, std::string_view name) {
  return node.find_node([name](pugi::xml_node n) {
    return n.type() == pugi::node_element && local_name(n) == name;
  });
}

// Parses an XML part; kCorruption `reason` ("broken DOCX") with the part
// name and pugixml's description on failure.
inline Status parse(pugi::xml_document& doc, const std::string& bytes, const char* part,
                    const char* reason, unsigned options) {
  const pugi::xml_parse_result result = doc.load_buffer(bytes.data(), bytes.size(), options);
  if (result) return Status::ok();
  return Status::corruption(reason, std::string(part) + ": " + result.description() +
                                        " at byte " + std::to_string(result.offset));
}

// Reads and parses part `name` of a DOCX or ODT, at most `max_bytes` of
// it. A missing part is an empty document unless `required`; other
// failures are the archive's (zip bomb, broken zip) or parse()'s.
inline Result<pugi::xml_document> read_part(const ZipArchive& zip, const std::string& name,
                                            std::uint64_t max_bytes, bool required,
                                            const char* reason, unsigned options) {
  pugi::xml_document doc;
  Result<std::string> bytes = zip.read(name, max_bytes);
  if (!bytes) {
    if (bytes.status().is_not_found()) {
      if (!required) return doc;
      return Status::corruption(reason, "no " + name);
    }
    return bytes.status();
  }
  if (Status s = parse(doc, *bytes, name.c_str(), reason, options); !s.is_ok()) return s;
  return doc;
}

}  // namespace vanban::doc::xml

#endif  // VANBAN_DOC_FORMATS_XML_UTIL_H_
