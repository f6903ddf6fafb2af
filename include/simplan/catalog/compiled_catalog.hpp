#pragma once
// A catalog in a compact binary form, for the catalog compiled into simplan: data/plans.json is loaded and
// validated at build time (tools/compile_catalog.cpp), written with compile_catalog, and read back at start-up
// with read_compiled_catalog, which parses no JSON and checks nothing but the bytes' integrity. A broken
// data/plans.json therefore fails the build, never a run.
//
// The form is private to one build of simplan (the same sources write and read it): a magic header with a
// format version, then every field of Catalog in declaration order (integers as LEB128, zigzag when signed;
// strings and lists with a length first; an optional as a presence byte). Every field of the model must be
// listed in compiled_catalog.cpp; the round-trip test over data/plans.json fails when one is missed.

#include "simplan/catalog/catalog.hpp"

#include <string>
#include <string_view>

namespace simplan::catalog {

/// `catalog` in the compiled form.
std::string compile_catalog(const Catalog& catalog);

/// The catalog `bytes` hold. Throws std::invalid_argument when they are not the compiled form this simplan
/// writes (another version, truncated or trailing bytes).
Catalog read_compiled_catalog(std::string_view bytes);

} // namespace simplan::catalog
