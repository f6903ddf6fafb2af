#include "simplan/catalog/compiled_catalog.hpp"

#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <type_traits>

namespace simplan::catalog {
namespace {

// Bump when the model or the encoding changes; a blob from another version is refused, not misread.
constexpr std::string_view k_magic = "simplan-catalog-v1\n";

// ---- each struct's fields, listed once for writing and reading ----------------------------------------
// `io(a, b, ...)` visits the fields in order; Writer and Reader below give it meaning.

template <class IO> void fields(IO& io, Quantity& v) { io(v.unlimited, v.amount); }
template <class IO> void fields(IO& io, TermLength& v) { io(v.unit, v.count); }
template <class IO> void fields(IO& io, Intro& v) { io(v.price, v.terms, v.new_customers_only, v.until, v.code); }
template <class IO> void fields(IO& io, Term& v) { io(v.length, v.price, v.intro, v.line_totals); }
template <class IO> void fields(IO& io, Autopay& v)
{
  io(v.discount, v.per, v.max_lines, v.from_term, v.payment_methods, v.paperless_billing, v.note);
}
template <class IO> void fields(IO& io, CarrierFee& v) { io(v.name, v.cents_per_line, v.cents_per_line_max); }
template <class IO> void fields(IO& io, TaxesAndFees& v) { io(v.taxes_included, v.fees_included, v.carrier_fee, v.note); }
template <class IO> void fields(IO& io, OneTimeFee& v) { io(v.kind, v.cents, v.per, v.name, v.waivable, v.note); }
template <class IO> void fields(IO& io, UsageBilling& v) { io(v.cents_per_gb, v.max_charged_mb); }
template <class IO> void fields(IO& io, Data& v)
{
  io(v.high_speed, v.priority, v.after_cap, v.after_cap_kbps, v.max_kbps, v.usage_billing, v.note);
}
template <class IO> void fields(IO& io, Hotspot& v) { io(v.high_speed, v.after_cap_kbps, v.max_kbps, v.from_plan_data, v.note); }
template <class IO> void fields(IO& io, Reach& v)
{
  io(v.countries, v.country_count, v.included, v.cents_per_minute, v.cents_per_day, v.minutes, v.data, v.note);
}
template <class IO> void fields(IO& io, International& v) { io(v.calling, v.texting, v.roaming, v.note); }
template <class IO> void fields(IO& io, Requirements& v)
{
  io(v.credit_check, v.ssn, v.us_address, v.us_payment_card, v.in_store_activation, v.activate_in_us, v.byod_only,
     v.note);
}
template <class IO> void fields(IO& io, Sim& v) { io(v.esim, v.physical); }
template <class IO> void fields(IO& io, Source& v) { io(v.url, v.checked, v.secondary, v.via); }
template <class IO> void fields(IO& io, Plan& v)
{
  io(v.id, v.carrier, v.name, v.kind, v.networks, v.phone_number, v.terms, v.max_lines, v.multi_line_discount,
     v.autopay, v.taxes_and_fees, v.one_time_fees, v.data, v.hotspot, v.talk, v.text, v.international,
     v.requirements, v.sim, v.notes, v.sources, v.confidence, v.conflicts);
}
template <class IO> void fields(IO& io, Channel& v) { io(v.kind, v.name, v.url, v.number, v.fee_cents, v.note); }
template <class IO> void fields(IO& io, Unpaid& v)
{
  io(v.grace_days, v.number_lost_after_days, v.reactivation_fee_cents, v.confidence, v.note);
}
template <class IO> void fields(IO& io, RenewalPolicy& v)
{
  io(v.auto_renew, v.channels, v.steps, v.unpaid, v.warnings, v.sources);
}
template <class IO> void fields(IO& io, Carrier& v)
{
  io(v.id, v.name, v.website, v.prepaid_renewal, v.postpaid_renewal, v.notes);
}
template <class IO> void fields(IO& io, Catalog& v) { io(v.schema_version, v.as_of, v.carriers, v.plans); }

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

template <class T>
concept Number = std::integral<T> || std::is_enum_v<T>;

class Writer {
public:
  std::string bytes{k_magic};

  template <class... T> void operator()(T&... values) { (item(values), ...); }

private:
  void unsigned_number(std::uint64_t value)
  {
    do {
      const auto low = static_cast<unsigned char>(value & 0x7F);
      value >>= 7;
      bytes += static_cast<char>(value != 0 ? (low | 0x80) : low);
    } while (value != 0);
  }

  template <class T> void item(T& value)
  {
    if constexpr (std::is_same_v<T, bool>) {
      bytes += value ? '\1' : '\0';
    } else if constexpr (std::is_enum_v<T>) {
      unsigned_number(static_cast<std::uint64_t>(value));
    } else if constexpr (std::integral<T>) {
      const auto wide = static_cast<std::int64_t>(value);
      const std::uint64_t sign = wide < 0 ? ~std::uint64_t{0} : 0;
      unsigned_number((static_cast<std::uint64_t>(wide) << 1) ^ sign);  // zigzag: small magnitudes, few bytes
    } else if constexpr (std::is_same_v<T, std::string>) {
      unsigned_number(value.size());
      bytes += value;
    } else if constexpr (std::is_same_v<T, date::year_month_day>) {
      auto days = date::sys_days{value}.time_since_epoch().count();
      item(days);
    } else if constexpr (std::is_same_v<T, LocalizedText>) {
      unsigned_number(value.by_language().size());
      for (const auto& [language, text] : value.by_language()) {
        unsigned_number(language.size());
        bytes += language;
        unsigned_number(text.size());
        bytes += text;
      }
    } else if constexpr (is_optional<T>::value) {
      bytes += value ? '\1' : '\0';
      if (value) {
        item(*value);
      }
    } else if constexpr (is_vector<T>::value) {
      unsigned_number(value.size());
      for (auto& element : value) {
        item(element);
      }
    } else {
      fields(*this, value);
    }
  }
};

class Reader {
public:
  explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

  template <class... T> void operator()(T&... values) { (item(values), ...); }

  void expect(std::string_view text)
  {
    if (m_bytes.substr(m_at, text.size()) != text) {
      fail("not a compiled catalog of this simplan version");
    }
    m_at += text.size();
  }

  void expect_end() const
  {
    if (m_at != m_bytes.size()) {
      fail("bytes after the end");
    }
  }

private:
  [[noreturn]] void fail(const char* what) const
  {
    throw std::invalid_argument(std::string{"compiled catalog: "} + what + " at byte " + std::to_string(m_at));
  }

  unsigned char byte()
  {
    if (m_at >= m_bytes.size()) {
      fail("truncated");
    }
    return static_cast<unsigned char>(m_bytes[m_at++]);
  }

  std::uint64_t unsigned_number()
  {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const unsigned char next = byte();
      value |= static_cast<std::uint64_t>(next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
    fail("a number too long");
  }

  std::string text()
  {
    const std::uint64_t size = unsigned_number();
    if (size > m_bytes.size() - m_at) {
      fail("truncated");
    }
    std::string out{m_bytes.substr(m_at, size)};
    m_at += size;
    return out;
  }

  template <class T> void item(T& value)
  {
    if constexpr (std::is_same_v<T, bool>) {
      value = byte() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      value = static_cast<T>(unsigned_number());
    } else if constexpr (std::integral<T>) {
      const std::uint64_t zigzag = unsigned_number();
      value = static_cast<T>(static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1));
    } else if constexpr (std::is_same_v<T, std::string>) {
      value = text();
    } else if constexpr (std::is_same_v<T, date::year_month_day>) {
      int days = 0;
      item(days);
      value = date::year_month_day{date::sys_days{date::days{days}}};
    } else if constexpr (std::is_same_v<T, LocalizedText>) {
      for (std::uint64_t count = unsigned_number(); count > 0; --count) {
        std::string language = text();
        value.set(std::move(language), text());
      }
    } else if constexpr (is_optional<T>::value) {
      if (byte() != 0) {
        item(value.emplace());
      }
    } else if constexpr (is_vector<T>::value) {
      const std::uint64_t count = unsigned_number();
      if (count > m_bytes.size() - m_at) {  // every element takes at least one byte
        fail("truncated");
      }
      value.resize(count);
      for (auto& element : value) {
        item(element);
      }
    } else {
      fields(*this, value);
    }
  }

  std::string_view m_bytes;
  std::size_t m_at = 0;
};

} // namespace

std::string compile_catalog(const Catalog& catalog)
{
  Writer writer;
  // The writer only reads, but the field lists are shared with the reader, which fills them in.
  writer(const_cast<Catalog&>(catalog));
  return std::move(writer.bytes);
}

Catalog read_compiled_catalog(std::string_view bytes)
{
  Reader reader{bytes};
  reader.expect(k_magic);
  Catalog catalog;
  reader(catalog);
  reader.expect_end();
  return catalog;
}

} // namespace simplan::catalog
