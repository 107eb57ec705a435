// kasir_translations carries only resources; a library needs one source file.
