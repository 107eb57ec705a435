# One INTERFACE target carries the project's warning flags and Qt hygiene defines;
# every Kasir target links it PRIVATE.
add_library(kasir_compile_options INTERFACE)
target_compile_options(kasir_compile_options INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual>
    $<$<CXX_COMPILER_ID:MSVC>:/W4 /permissive- /utf-8>)
target_compile_definitions(kasir_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)

if(KASIR_SANITIZE)
    target_compile_options(kasir_compile_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(kasir_compile_options INTERFACE -fsanitize=address,undefined)
endif()
