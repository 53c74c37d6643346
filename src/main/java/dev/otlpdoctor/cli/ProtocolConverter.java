package dev.otlpdoctor.cli;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.target.Protocol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --protocol auto|grpc|http/protobuf|http/json}. */
public final class ProtocolConverter implements ITypeConverter<Protocol> {
    @Override
    public Protocol convert(String value) {
        try {
            return Protocol.parse(value, "--protocol");
        } catch (InvalidInputException e) {
            throw new TypeConversionException("'" + value + "' is not a protocol (auto, grpc, http/protobuf, http/json)");
        }
    }
}
