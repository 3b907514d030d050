#!/usr/bin/env python3
"""Exits 1 unless every given .NET assembly holds ReadyToRun (precompiled) code, and prints each one's verdict.

A ReadyToRun image's CLI header points at a ManagedNativeHeader whose signature is "RTR" (ECMA-335 II.25.3.3 and
the runtime's readytorun.h); an IL-only assembly has no such header. Used by .ci/publish-smoke on published builds.
"""
import struct
import sys


def ready_to_run(path):
    data = open(path, "rb").read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise ValueError(f"{path} is not a PE file")
    optional = pe + 24
    pe32_plus = struct.unpack_from("<H", data, optional)[0] == 0x20B
    directories = optional + (112 if pe32_plus else 96)
    sections = optional + struct.unpack_from("<H", data, pe + 20)[0]
    section_count = struct.unpack_from("<H", data, pe + 6)[0]

    def offset(rva):
        for i in range(section_count):
            virtual_size, virtual_address, _, raw_pointer = struct.unpack_from("<IIII", data, sections + i * 40 + 8)
            if virtual_address <= rva < virtual_address + max(virtual_size, 1):
                return rva - virtual_address + raw_pointer
        raise ValueError(f"{path}: RVA {rva:#x} is in no section")

    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    if cli_rva == 0:
        raise ValueError(f"{path} is not a .NET assembly")
    native_header_rva = struct.unpack_from("<I", data, offset(cli_rva) + 0x40)[0]
    return native_header_rva != 0 and data[offset(native_header_rva):offset(native_header_rva) + 4] == b"RTR\0"


verdicts = {path: ready_to_run(path) for path in sys.argv[1:]}
for path, verdict in verdicts.items():
    print(f"{path}: {'ReadyToRun' if verdict else 'IL only'}")
sys.exit(0 if verdicts and all(verdicts.values()) else 1)
