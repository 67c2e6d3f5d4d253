package dev.resident.undertow.descriptor;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class-level runtime-visible annotations of a class file, read from its bytes without loading it
 * (so scanning {@code WEB-INF/classes} runs no code of the application, R-WAR-3).
 *
 * @param className the binary name, such as {@code com.example.Hello}
 * @param annotations the annotations by type descriptor, such as
 *     {@code Ljakarta/servlet/annotation/WebServlet;}
 * @param references whether the constant pool names a {@code javax/servlet/} type
 */
record ClassFile(String className, Map<String, Map<String, Object>> annotations, boolean references) {

  /** An enum constant: its type descriptor and name. */
  record EnumValue(String type, String name) {}

  /**
   * Reads a class file.
   *
   * @param bytes the class file
   * @return what it holds
   * @throws IOException if it is not a class file
   */
  static ClassFile read(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    Object[] pool = new Object[count];
    int[] classNames = new int[count];
    boolean javax = false;
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> {
          String utf = in.readUTF();
          pool[i] = utf;
          javax |= utf.contains("javax/servlet/");
        }
        case 3 -> pool[i] = in.readInt();
        case 4 -> pool[i] = in.readFloat();
        case 5 -> {
          pool[i] = in.readLong();
          i++;
        }
        case 6 -> {
          pool[i] = in.readDouble();
          i++;
        }
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("bad constant pool tag " + tag);
      }
    }
    in.readUnsignedShort();
    String name = ((String) pool[classNames[in.readUnsignedShort()]]).replace('/', '.');
    in.readUnsignedShort();
    int interfaces = in.readUnsignedShort();
    for (int i = 0; i < interfaces; i++) {
      in.readUnsignedShort();
    }
    for (int members = 0; members < 2; members++) {
      int n = in.readUnsignedShort();
      for (int i = 0; i < n; i++) {
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        skipAttributes(in);
      }
    }
    Map<String, Map<String, Object>> annotations = new LinkedHashMap<>();
    int attributes = in.readUnsignedShort();
    for (int i = 0; i < attributes; i++) {
      String attribute = (String) pool[in.readUnsignedShort()];
      int length = in.readInt();
      if (attribute.equals("RuntimeVisibleAnnotations")) {
        int n = in.readUnsignedShort();
        for (int a = 0; a < n; a++) {
          String type = (String) pool[in.readUnsignedShort()];
          annotations.put(type, annotation(in, pool));
        }
      } else {
        in.skipNBytes(length);
      }
    }
    return new ClassFile(name, annotations, javax);
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.readUnsignedShort();
      in.skipNBytes(in.readInt());
    }
  }

  private static Map<String, Object> annotation(DataInputStream in, Object[] pool) throws IOException {
    Map<String, Object> values = new LinkedHashMap<>();
    int pairs = in.readUnsignedShort();
    for (int i = 0; i < pairs; i++) {
      String element = (String) pool[in.readUnsignedShort()];
      values.put(element, value(in, pool));
    }
    return values;
  }

  private static Object value(DataInputStream in, Object[] pool) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 's', 'c' -> {
        return pool[in.readUnsignedShort()];
      }
      case 'Z' -> {
        return ((Integer) pool[in.readUnsignedShort()]) != 0;
      }
      case 'e' -> {
        String type = (String) pool[in.readUnsignedShort()];
        return new EnumValue(type, (String) pool[in.readUnsignedShort()]);
      }
      case '@' -> {
        in.readUnsignedShort();
        return annotation(in, pool);
      }
      case '[' -> {
        int n = in.readUnsignedShort();
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(value(in, pool));
        }
        return items;
      }
      default -> throw new IOException("bad annotation value tag " + (char) tag);
    }
  }
}
