<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>kasir::ActivityService</name>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Own discount</source>
        <translation>Diskon khusus</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Prefers SMS</source>
        <translation>Lebih suka SMS</translation>
    </message>
    <message>
        <source>Prefers email</source>
        <translation>Lebih suka email</translation>
    </message>
    <message>
        <source>Prefers calls</source>
        <translation>Lebih suka telepon</translation>
    </message>
    <message>
        <source>Prefers WhatsApp</source>
        <translation>Lebih suka WhatsApp</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Jangan dihubungi</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation>%1 diisi %2</translation>
    </message>
    <message>
        <source>%1 cleared (was %2)</source>
        <translation>%1 dikosongkan (sebelumnya %2)</translation>
    </message>
    <message>
        <source>%1 changed from %2 to %3</source>
        <translation>%1 diubah dari %2 menjadi %3</translation>
    </message>
    <message>
        <source>read a customer&apos;s activity</source>
        <translation>membaca aktivitas pelanggan</translation>
    </message>
    <message>
        <source>must be between 1 and 1000</source>
        <translation>harus antara 1 dan 1000</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>tidak boleh negatif</translation>
    </message>
    <message>
        <source>Registered as %1</source>
        <translation>Terdaftar sebagai %1</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>Saved without changes</source>
        <translation>Disimpan tanpa perubahan</translation>
    </message>
    <message>
        <source>Level changed %1 -&gt; %2</source>
        <translation>Level berubah %1 -&gt; %2</translation>
    </message>
    <message>
        <source>type changed %1 -&gt; %2</source>
        <translation>jenis berubah %1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation>%1 setelah %2</translation>
    </message>
    <message>
        <source>Refund %1: %2 (%3)</source>
        <translation>Pengembalian %1: %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Sale %1: %n item(s), %2</source>
        <translation>
            <numerusform>Penjualan %1: %n barang, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-in sale %1 counted for this customer</source>
        <translation>Penjualan tanpa akun %1 dihitung untuk pelanggan ini</translation>
    </message>
    <message>
        <source>%1 points (%2), balance %3: %4</source>
        <translation>%1 poin (%2), saldo %3: %4</translation>
    </message>
    <message>
        <source>Store credit %1 (%2), balance %3: %4</source>
        <translation>Kredit toko %1 (%2), saldo %3: %4</translation>
    </message>
    <message>
        <source>Credit limit set to %1</source>
        <translation>Batas kredit diatur menjadi %1</translation>
    </message>
    <message>
        <source>Preferred payment</source>
        <translation>Pembayaran pilihan</translation>
    </message>
    <message>
        <source>Best time to contact</source>
        <translation>Waktu terbaik untuk dihubungi</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Penawaran</translation>
    </message>
    <message>
        <source>Loyalty messages</source>
        <translation>Pesan loyalitas</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Note deleted: %1</source>
        <translation>Catatan dihapus: %1</translation>
    </message>
    <message>
        <source>Note (%1): %2</source>
        <translation>Catatan (%1): %2</translation>
    </message>
    <message>
        <source>Tag %1 taken off</source>
        <translation>Tag %1 dilepas</translation>
    </message>
    <message>
        <source>Tagged %1</source>
        <translation>Diberi tag %1</translation>
    </message>
    <message>
        <source>Contact added: %1 %2</source>
        <translation>Kontak ditambahkan: %1 %2</translation>
    </message>
    <message>
        <source>Contact removed: %1 %2</source>
        <translation>Kontak dihapus: %1 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an entity and what was done to it, e.g. gift card: create</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Personal data erased; now %1</source>
        <translation>Data pribadi dihapus; sekarang %1</translation>
    </message>
    <message>
        <source>Deleted with their personal data</source>
        <translation>Dihapus beserta data pribadinya</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>Dianonimkan</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>what was done and why</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>Data pribadi diekspor</translation>
    </message>
    <message>
        <source>Note erased</source>
        <translation>Catatan dihapus</translation>
    </message>
    <message>
        <source>Walk-in sale %1, which noted their number, erased with them</source>
        <translation>Penjualan walk-in %1, yang mencatat nomornya, ikut dihapus</translation>
    </message>
</context>
<context>
    <name>kasir::AnalyticsService</name>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1 harus antara %2 dan %3</translation>
    </message>
    <message>
        <source>see the company&apos;s customer figures</source>
        <translation>melihat angka pelanggan perusahaan</translation>
    </message>
    <message>
        <source>after is not a cursor from a previous page</source>
        <translation>after bukan kursor dari halaman sebelumnya</translation>
    </message>
</context>
<context>
    <name>kasir::BulkService</name>
    <message>
        <source>change customers</source>
        <translation>mengubah data pelanggan</translation>
    </message>
    <message>
        <source>change a customer&apos;s status</source>
        <translation>mengubah status pelanggan</translation>
    </message>
    <message>
        <source>tag customers</source>
        <translation>memberi tag pada pelanggan</translation>
    </message>
    <message>
        <source>change customers in bulk</source>
        <translation>mengubah banyak pelanggan sekaligus</translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation>harus antara 1 dan %1</translation>
    </message>
    <message>
        <source>a bulk change makes its own units of work; it cannot run inside another</source>
        <translation>perubahan massal membuat unit kerjanya sendiri; tidak dapat berjalan di dalam unit kerja lain</translation>
    </message>
    <message>
        <source>name the customers or filter them, not both</source>
        <translation>sebutkan pelanggannya atau saring mereka, jangan keduanya</translation>
    </message>
    <message>
        <source>%1 is a wholesale customer; membership would replace their wholesale terms, so set their type instead</source>
        <translation>%1 adalah pelanggan grosir; keanggotaan akan menggantikan syarat grosirnya, jadi ubah jenisnya saja</translation>
    </message>
</context>
<context>
    <name>kasir::ChangeApplier</name>
    <message>
        <source>sync op %1 (%2 %3) cannot be applied: %4</source>
        <translation>operasi sinkron %1 (%2 %3) tidak dapat diterapkan: %4</translation>
    </message>
    <message>
        <source>field %1 has a wrong value</source>
        <translation>kolom %1 berisi nilai yang salah</translation>
    </message>
    <message>
        <source>the key must be %1 parts joined by &apos;:&apos;</source>
        <translation>kunci harus terdiri dari %1 bagian yang digabung dengan &apos;:&apos;</translation>
    </message>
    <message>
        <source>unknown entity %1</source>
        <translation>entitas %1 tidak dikenal</translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation>kolom %1 tidak dikenal</translation>
    </message>
    <message>
        <source>field %1 is missing</source>
        <translation>kolom %1 tidak ada</translation>
    </message>
    <message>
        <source>%1 is append-only and cannot be deleted</source>
        <translation>%1 hanya boleh ditambah dan tidak dapat dihapus</translation>
    </message>
    <message>
        <source>a sale is append-only and cannot be deleted</source>
        <translation>penjualan hanya boleh ditambah dan tidak dapat dihapus</translation>
    </message>
</context>
<context>
    <name>kasir::CheckoutService</name>
    <message>
        <source>this computer is not set up as a terminal</source>
        <translation>komputer ini belum disiapkan sebagai terminal</translation>
    </message>
    <message>
        <source>the store of this terminal does not exist</source>
        <translation>toko untuk terminal ini tidak ada</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>menjual</translation>
    </message>
    <message>
        <source>type a phone number or at least its last 4 digits</source>
        <translation>ketik nomor telepon atau paling sedikit 4 digit terakhirnya</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>look up sales</source>
        <translation>mencari penjualan</translation>
    </message>
    <message>
        <source>there is no sale %1</source>
        <translation>tidak ada penjualan %1</translation>
    </message>
    <message>
        <source>the company of %1 does not exist</source>
        <translation>perusahaan pengguna %1 tidak ada</translation>
    </message>
    <message>
        <source>is not a phone number that can be called</source>
        <translation>bukan nomor telepon yang dapat dihubungi</translation>
    </message>
    <message>
        <source>a sale needs at least one item</source>
        <translation>penjualan memerlukan paling sedikit satu barang</translation>
    </message>
    <message>
        <source>a sale has at most %1 lines</source>
        <translation>satu penjualan berisi paling banyak %1 baris</translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation>harus antara 1 dan %1</translation>
    </message>
    <message>
        <source>%1 is no longer sold</source>
        <translation>%1 tidak dijual lagi</translation>
    </message>
    <message>
        <source>there is no product %1</source>
        <translation>tidak ada produk %1</translation>
    </message>
    <message>
        <source>makes the line too large</source>
        <translation>membuat baris ini terlalu besar</translation>
    </message>
    <message>
        <source>the sale is too large</source>
        <translation>penjualan terlalu besar</translation>
    </message>
    <message>
        <source>a sale has at most %1 payments</source>
        <translation>satu penjualan memiliki paling banyak %1 pembayaran</translation>
    </message>
    <message>
        <source>must be more than 0 and at most %1</source>
        <translation>harus lebih dari 0 dan paling banyak %1</translation>
    </message>
    <message>
        <source>%1 needs a registered customer</source>
        <translation>%1 memerlukan pelanggan terdaftar</translation>
    </message>
    <message>
        <source>pay %1 more: the total is %2, %3 is paid</source>
        <translation>bayar %1 lagi: totalnya %2, baru dibayar %3</translation>
    </message>
    <message>
        <source>%1 too much is paid by other means than cash: the total is %2</source>
        <translation>pembayaran selain tunai kelebihan %1: totalnya %2</translation>
    </message>
    <message>
        <source>points cannot pay: they have no value in the membership rules</source>
        <translation>tidak dapat membayar dengan poin: poin tidak bernilai menurut aturan keanggotaan</translation>
    </message>
    <message>
        <source>an amount paid with points must be a multiple of %1, the value of one point</source>
        <translation>jumlah yang dibayar dengan poin harus kelipatan %1, yaitu nilai satu poin</translation>
    </message>
    <message>
        <source>%1 points are needed, %2 has %3</source>
        <translation>diperlukan %1 poin, %2 memiliki %3</translation>
    </message>
    <message>
        <source>allow store credit past the limit</source>
        <translation>mengizinkan kredit toko melewati batas</translation>
    </message>
    <message>
        <source>sale %1</source>
        <translation>penjualan %1</translation>
    </message>
    <message>
        <source>refund sales</source>
        <translation>mengembalikan dana penjualan</translation>
    </message>
    <message>
        <source>%1 is itself a refund</source>
        <translation>%1 sendiri merupakan pengembalian dana</translation>
    </message>
    <message>
        <source>%1 was already refunded by %2</source>
        <translation>dana %1 sudah dikembalikan lewat %2</translation>
    </message>
    <message>
        <source>%1 was already refunded</source>
        <translation>dana %1 sudah dikembalikan</translation>
    </message>
    <message>
        <source>refund %1 of %2: %3</source>
        <translation>pengembalian dana %1 atas %2: %3</translation>
    </message>
    <message>
        <source>refund %1</source>
        <translation>pengembalian dana %1</translation>
    </message>
    <message>
        <source>customer %1 does not exist</source>
        <translation>pelanggan %1 tidak ada</translation>
    </message>
    <message>
        <source>%1 has no phone number to find walk-in sales by</source>
        <translation>%1 tidak punya nomor telepon untuk mencari penjualan tanpa akun</translation>
    </message>
    <message>
        <source>%1 is not an unlinked walk-in sale with the phone of %2</source>
        <translation>%1 bukan penjualan tanpa akun yang belum ditautkan dengan telepon %2</translation>
    </message>
    <message>
        <source>walk-in sales linked: %1</source>
        <translation>penjualan tanpa akun ditautkan: %1</translation>
    </message>
</context>
<context>
    <name>kasir::CompanyService</name>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>tidak boleh berisi karakter kontrol atau baris baru</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>must be letters A to Z, digits and dashes, starting with a letter or a digit</source>
        <translation>harus berupa huruf A sampai Z, angka, dan tanda hubung, diawali huruf atau angka</translation>
    </message>
    <message>
        <source>this company is missing</source>
        <translation>perusahaan ini tidak ada</translation>
    </message>
    <message>
        <source>rename the company</source>
        <translation>mengganti nama perusahaan</translation>
    </message>
    <message>
        <source>there is no such store</source>
        <translation>toko itu tidak ada</translation>
    </message>
    <message>
        <source>add stores</source>
        <translation>menambah toko</translation>
    </message>
    <message>
        <source>is already the code of %1</source>
        <translation>sudah menjadi kode %1</translation>
    </message>
    <message>
        <source>rename stores</source>
        <translation>mengganti nama toko</translation>
    </message>
</context>
<context>
    <name>kasir::ContactRepository</name>
    <message>
        <source>contact %1 does not exist</source>
        <translation>kontak %1 tidak ada</translation>
    </message>
</context>
<context>
    <name>kasir::ContactService</name>
    <message>
        <source>%1 is already a %2 contact of this customer</source>
        <translation>%1 sudah menjadi kontak %2 pelanggan ini</translation>
    </message>
    <message>
        <source>change customers&apos; contacts</source>
        <translation>mengubah kontak pelanggan</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>harus salah satu dari: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>tidak boleh berisi karakter kontrol atau baris baru</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a contact id</source>
        <translation>&quot;%1&quot; bukan ID kontak</translation>
    </message>
    <message>
        <source>no contact %1</source>
        <translation>tidak ada kontak %1</translation>
    </message>
</context>
<context>
    <name>kasir::CounterView</name>
    <message>
        <source>Counter</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Phone number or its last 4 digits</source>
        <translation>Nomor telepon atau 4 digit terakhirnya</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Telepon pelanggan</translation>
    </message>
    <message>
        <source>Type a phone number in any form, or its last 4 digits (F4).
Up and Down choose a match, Enter puts it on the sale, Esc clears.
F2 registers a new customer.</source>
        <translation>Ketik nomor telepon dalam format apa pun, atau 4 digit terakhirnya (F4).
Atas dan Bawah memilih hasil, Enter memasukkannya ke penjualan, Esc mengosongkan.
F2 mendaftarkan pelanggan baru.</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telepon:</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>Pelanggan yang cocok</translation>
    </message>
    <message>
        <source>Up and Down choose, Enter or a double click puts the customer on the sale</source>
        <translation>Atas dan Bawah memilih, Enter atau klik dua kali memasukkan pelanggan ke penjualan</translation>
    </message>
    <message>
        <source>Blocked customer: may not pay with store credit. Check with a manager before selling.</source>
        <translation>Pelanggan diblokir: tidak boleh membayar dengan kredit toko. Tanyakan ke manajer sebelum menjual.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Diskon:</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>Poin:</translation>
    </message>
    <message>
        <source>Store credit:</source>
        <translation>Kredit toko:</translation>
    </message>
    <message>
        <source>Open &amp;details</source>
        <translation>Buka &amp;detail</translation>
    </message>
    <message>
        <source>Open the customer&apos;s details</source>
        <translation>Buka detail pelanggan</translation>
    </message>
    <message>
        <source>Open the customer&apos;s details (or double click the card)</source>
        <translation>Buka detail pelanggan (atau klik dua kali kartunya)</translation>
    </message>
    <message>
        <source>&amp;Remove from sale</source>
        <translation>&amp;Lepas dari penjualan</translation>
    </message>
    <message>
        <source>Remove the customer from the sale</source>
        <translation>Lepas pelanggan dari penjualan</translation>
    </message>
    <message>
        <source>Sell without a customer (Shift+F4)</source>
        <translation>Jual tanpa pelanggan (Shift+F4)</translation>
    </message>
    <message>
        <source>&amp;Count them</source>
        <translation>&amp;Hitungkan</translation>
    </message>
    <message>
        <source>Count the earlier walk-in sales for this customer</source>
        <translation>Hitung penjualan tanpa akun sebelumnya untuk pelanggan ini</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Cari pelanggan</translation>
    </message>
    <message>
        <source>Register a new customer</source>
        <translation>Daftarkan pelanggan baru</translation>
    </message>
    <message>
        <source>Remove the customer</source>
        <translation>Lepas pelanggan</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>Complete the sale</source>
        <translation>Selesaikan penjualan</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Cetak struk</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Pelanggan baru</translation>
    </message>
    <message>
        <source>New customer&apos;s name</source>
        <translation>Nama pelanggan baru</translation>
    </message>
    <message>
        <source>New customer&apos;s phone</source>
        <translation>Telepon pelanggan baru</translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation>mis. 0812 3456 7890</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Tele&amp;pon:</translation>
    </message>
    <message>
        <source>Register and add to sale</source>
        <translation>Daftarkan dan masukkan ke penjualan</translation>
    </message>
    <message>
        <source>Register the customer and add them to the sale</source>
        <translation>Daftarkan pelanggan dan masukkan ke penjualan</translation>
    </message>
    <message>
        <source>Register and add to the sale (Enter)</source>
        <translation>Daftarkan dan masukkan ke penjualan (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancel registering</source>
        <translation>Batalkan pendaftaran</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Kode barang</translation>
    </message>
    <message>
        <source>Scan or type an item code or name</source>
        <translation>Pindai atau ketik kode atau nama barang</translation>
    </message>
    <message>
        <source>Scan or type an item code, Enter adds it (F6)</source>
        <translation>Pindai atau ketik kode barang, Enter menambahkannya (F6)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Kuantitas</translation>
    </message>
    <message>
        <source>How many of the item to add</source>
        <translation>Berapa banyak barang ini yang ditambahkan</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>T&amp;ambah</translation>
    </message>
    <message>
        <source>Add the item to the sale</source>
        <translation>Tambahkan barang ke penjualan</translation>
    </message>
    <message>
        <source>Add the item to the sale (Enter in the item code)</source>
        <translation>Tambahkan barang ke penjualan (Enter di kode barang)</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Barang:</translation>
    </message>
    <message>
        <source>&amp;Qty:</source>
        <translation>&amp;Qty:</translation>
    </message>
    <message>
        <source>No items yet.
Scan or type an item code above (F6).</source>
        <translation>Belum ada barang.
Pindai atau ketik kode barang di atas (F6).</translation>
    </message>
    <message>
        <source>Items on the sale</source>
        <translation>Barang dalam penjualan</translation>
    </message>
    <message>
        <source>+ and - change the quantity, Delete removes the line</source>
        <translation>+ dan - mengubah kuantitas, Delete menghapus baris</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Harga satuan</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Points to redeem</source>
        <translation>Poin yang ditukar</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> poin</translation>
    </message>
    <message>
        <source>&amp;Points to redeem</source>
        <translation>P&amp;oin yang ditukar</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>Total bayar</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Metode pembayaran</translation>
    </message>
    <message>
        <source>How the rest is paid (F9 goes to the amount)</source>
        <translation>Cara membayar sisanya (F9 ke kolom uang diterima)</translation>
    </message>
    <message>
        <source>Amount tendered</source>
        <translation>Uang diterima</translation>
    </message>
    <message>
        <source>Cash handed over; empty for the exact amount. Enter completes the sale (F9)</source>
        <translation>Uang tunai yang diserahkan; kosongkan jika uang pas. Enter menyelesaikan penjualan (F9)</translation>
    </message>
    <message>
        <source>Pa&amp;yment</source>
        <translation>Pemba&amp;yaran</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <source>Complete sale  (F12)</source>
        <translation>Selesaikan penjualan  (F12)</translation>
    </message>
    <message>
        <source>Complete the sale: F12 or Ctrl+Enter</source>
        <translation>Selesaikan penjualan: F12 atau Ctrl+Enter</translation>
    </message>
    <message>
        <source>Print / Save PDF receipt…</source>
        <translation>Cetak / Simpan struk PDF…</translation>
    </message>
    <message>
        <source>Print the last sale&apos;s receipt or save it as PDF</source>
        <translation>Cetak struk penjualan terakhir atau simpan sebagai PDF</translation>
    </message>
    <message>
        <source>Print the last sale&apos;s receipt, or save it as a PDF file (Ctrl+P)</source>
        <translation>Cetak struk penjualan terakhir, atau simpan sebagai berkas PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation>Kosongkan penjualan</translation>
    </message>
    <message>
        <source>Clear the sale and start again</source>
        <translation>Kosongkan penjualan dan mulai lagi</translation>
    </message>
    <message>
        <source>Take off the customer, the items and the payment</source>
        <translation>Lepas pelanggan, barang, dan pembayaran</translation>
    </message>
    <message>
        <source>Register customer</source>
        <translation>Daftarkan pelanggan</translation>
    </message>
    <message>
        <source>Remove customer from sale</source>
        <translation>Lepas pelanggan dari penjualan</translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation>Selesaikan penjualan</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Cetak struk</translation>
    </message>
    <message>
        <source>Type at least 4 digits of the phone number.</source>
        <translation>Ketik paling sedikit 4 digit nomor telepon.</translation>
    </message>
    <message>
        <source>No customer has this number. F2 registers a new one.</source>
        <translation>Tidak ada pelanggan dengan nomor ini. F2 mendaftarkan pelanggan baru.</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>%1 (blocked)</source>
        <translation>%1 (diblokir)</translation>
    </message>
    <message>
        <source>Walk-in sale: no customer.
Type a phone number to find one, or press F2 to register a new customer.</source>
        <translation>Penjualan tanpa akun: tidak ada pelanggan.
Ketik nomor telepon untuk mencari pelanggan, atau tekan F2 untuk mendaftarkan pelanggan baru.</translation>
    </message>
    <message>
        <source>On this sale</source>
        <translation>Di penjualan ini</translation>
    </message>
    <message>
        <source>Enter puts this customer on the sale instead of %1</source>
        <translation>Enter memasukkan pelanggan ini ke penjualan menggantikan %1</translation>
    </message>
    <message>
        <source>Enter puts this customer on the sale</source>
        <translation>Enter memasukkan pelanggan ini ke penjualan</translation>
    </message>
    <message>
        <source>Double click to open the customer&apos;s details</source>
        <translation>Klik dua kali untuk membuka detail pelanggan</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, no membership</source>
        <translation>%1, bukan member</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>%1 (worth %2)</source>
        <translation>%1 (senilai %2)</translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation>%1 tersedia</translation>
    </message>
    <message>
        <source>%1 owed</source>
        <translation>utang %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a field&apos;s name, then what is wrong with it</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier walk-in sale(s) noted this phone (%1).</source>
        <translation>
            <numerusform>%n penjualan tanpa akun sebelumnya mencatat telepon ini (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in sale(s) now count for %1.</source>
        <translation>
            <numerusform>%n penjualan tanpa akun kini dihitung untuk %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer sold.</source>
        <translation>%1 tidak dijual lagi.</translation>
    </message>
    <message>
        <source>There is no item with the code %1.</source>
        <translation>Tidak ada barang dengan kode %1.</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Discount (%1 %)</source>
        <translation>Diskon (%1 %)</translation>
    </message>
    <message>
        <source>&amp;Points to redeem (up to %1)</source>
        <translation>P&amp;oin yang ditukar (maks. %1)</translation>
    </message>
    <message>
        <source>Points to pay with: up to %1 of %2, one point pays %3</source>
        <translation>Poin untuk membayar: maks. %1 dari %2, satu poin bernilai %3</translation>
    </message>
    <message>
        <source>Points need a customer on the sale</source>
        <translation>Poin memerlukan pelanggan pada penjualan</translation>
    </message>
    <message>
        <source>exact: %1</source>
        <translation>uang pas: %1</translation>
    </message>
    <message>
        <source>not an amount</source>
        <translation>bukan nominal uang</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>kurang %1</translation>
    </message>
    <message>
        <source>The amount tendered is not an amount of money.</source>
        <translation>Uang diterima bukan nominal uang yang valid.</translation>
    </message>
    <message>
        <source>Sale %1 completed: %2.</source>
        <translation>Penjualan %1 selesai: %2.</translation>
    </message>
    <message>
        <source>Change: %1.</source>
        <translation>Kembalian: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%1 earned %n point(s).</source>
        <translation>
            <numerusform>%1 mendapat %n poin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem with the sale</source>
        <translation>Masalah pada penjualan</translation>
    </message>
    <message>
        <source>Sale completed</source>
        <translation>Penjualan selesai</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Struk %1</translation>
    </message>
</context>
<context>
    <name>kasir::CreditLimit</name>
    <message>
        <source>would take the balance to %1, past the credit limit of %2 debt; a manager can allow it with a reason</source>
        <translation>akan membuat saldo menjadi %1, melewati batas kredit (utang paling banyak %2); manajer dapat mengizinkannya dengan alasan</translation>
    </message>
    <message>
        <source>the customer is blocked and cannot spend store credit</source>
        <translation>akun pelanggan diblokir dan tidak dapat memakai kredit toko</translation>
    </message>
    <message>
        <source>would take the balance to %1, but no debt is allowed; a manager can allow it with a reason</source>
        <translation>akan membuat saldo menjadi %1, padahal utang tidak diizinkan; manajer dapat mengizinkannya dengan alasan</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerDetailView</name>
    <message>
        <source>Personal</source>
        <translation>Pribadi</translation>
    </message>
    <message>
        <source>Preference</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Masukan</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation>Dompet digital</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Kredit toko</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Pagi</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Siang</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Malam</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Kapan saja</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Didapat</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>Ditukar</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Disesuaikan</translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Hangus</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Isi saldo</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Pengurangan</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Saldo pindahan</translation>
    </message>
    <message>
        <source>Sale on account</source>
        <translation>Penjualan kredit</translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation>Pembayaran utang</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Penyesuaian</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Pembatalan</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>Detail pelanggan</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>P&amp;urchases</source>
        <translation>Pem&amp;belian</translation>
    </message>
    <message>
        <source>Points &amp;&amp; &amp;credit</source>
        <translation>Poin &amp;&amp; &amp;kredit</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>Con&amp;tacts</source>
        <translation>Ko&amp;ntak</translation>
    </message>
    <message>
        <source>Pre&amp;ferences</source>
        <translation>P&amp;referensi</translation>
    </message>
    <message>
        <source>Acti&amp;vity</source>
        <translation>Akti&amp;vitas</translation>
    </message>
    <message>
        <source>Back to the customer list</source>
        <translation>Kembali ke daftar pelanggan</translation>
    </message>
    <message>
        <source>Export Customer Data</source>
        <translation>Ekspor Data Pelanggan</translation>
    </message>
    <message>
        <source>JSON documents (*.json)</source>
        <translation>Dokumen JSON (*.json)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Back to the customer list (Esc)</source>
        <translation>Kembali ke daftar pelanggan (Esc)</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Nama pelanggan</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>Kode pelanggan</translation>
    </message>
    <message>
        <source>&amp;Export Data…</source>
        <translation>&amp;Ekspor Data…</translation>
    </message>
    <message>
        <source>Export everything stored about the customer</source>
        <translation>Ekspor semua data yang tersimpan tentang pelanggan</translation>
    </message>
    <message>
        <source>Save everything stored about this customer as a JSON document</source>
        <translation>Simpan semua data yang tersimpan tentang pelanggan ini sebagai dokumen JSON</translation>
    </message>
    <message>
        <source>Anonym&amp;ise…</source>
        <translation>An&amp;onimkan…</translation>
    </message>
    <message>
        <source>Anonymise the customer</source>
        <translation>Anonimkan pelanggan</translation>
    </message>
    <message>
        <source>Erase this customer&apos;s personal data and keep their sales and ledgers</source>
        <translation>Hapus data pribadi pelanggan ini dan tetap simpan penjualan serta buku besarnya</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Delete the customer</source>
        <translation>Hapus pelanggan</translation>
    </message>
    <message>
        <source>Delete a customer who has no sales or ledger entries</source>
        <translation>Hapus pelanggan yang tidak memiliki penjualan atau catatan buku besar</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Poin</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Hasil tindakan terakhir</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Masalah pada %1</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;ma:</translation>
    </message>
    <message>
        <source>0812-3456-7890</source>
        <translation>0812-3456-7890</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Te&amp;lepon:</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nama@contoh.com</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>Ema&amp;il:</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Tidak diisi</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Tan&amp;ggal lahir:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Jenis kelamin:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>Ko&amp;ta:</translation>
    </message>
    <message>
        <source>Pro&amp;vince:</source>
        <translation>Pro&amp;vinsi:</translation>
    </message>
    <message>
        <source>Posta&amp;l code:</source>
        <translation>Ko&amp;de pos:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>Catata&amp;n:</translation>
    </message>
    <message>
        <source>Result of saving the profile</source>
        <translation>Hasil menyimpan profil</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>Revert the profile to what is saved</source>
        <translation>Kembalikan profil ke data yang tersimpan</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Simpan profil</translation>
    </message>
    <message>
        <source>When the customer was registered and last changed</source>
        <translation>Kapan pelanggan didaftarkan dan terakhir diubah</translation>
    </message>
    <message>
        <source>Purchase figures</source>
        <translation>Angka pembelian</translation>
    </message>
    <message>
        <source>Recent sales</source>
        <translation>Penjualan terakhir</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Transaksi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>&amp;Recent sales</source>
        <translation>Penjualan ter&amp;akhir</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>Produk teratas</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>&amp;Top products</source>
        <translation>Pro&amp;duk teratas</translation>
    </message>
    <message>
        <source>Spending per month</source>
        <translation>Belanja per bulan</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Saldo poin</translation>
    </message>
    <message>
        <source>Points history</source>
        <translation>Riwayat poin</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Store credit balance</source>
        <translation>Saldo kredit toko</translation>
    </message>
    <message>
        <source>Store credit history</source>
        <translation>Riwayat kredit toko</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>Jenis catatan</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Catatan baru</translation>
    </message>
    <message>
        <source>What should the next person serving this customer know?</source>
        <translation>Apa yang perlu diketahui petugas berikutnya yang melayani pelanggan ini?</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>T&amp;ambah Catatan</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>Tambahkan catatan</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>Result of adding the note</source>
        <translation>Hasil menambahkan catatan</translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation>Catatan, terbaru di atas</translation>
    </message>
    <message>
        <source>Tag to add</source>
        <translation>Tag yang ditambahkan</translation>
    </message>
    <message>
        <source>Tag name, new or existing</source>
        <translation>Nama tag, baru atau yang sudah ada</translation>
    </message>
    <message>
        <source>&amp;Add Tag</source>
        <translation>T&amp;ambah Tag</translation>
    </message>
    <message>
        <source>Add the tag</source>
        <translation>Tambahkan tag</translation>
    </message>
    <message>
        <source>&amp;Remove Tag</source>
        <translation>&amp;Lepas Tag</translation>
    </message>
    <message>
        <source>Remove the selected tag</source>
        <translation>Lepas tag yang dipilih</translation>
    </message>
    <message>
        <source>Ta&amp;g:</source>
        <translation>Ta&amp;g:</translation>
    </message>
    <message>
        <source>Result of the last tag change</source>
        <translation>Hasil perubahan tag terakhir</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Tags are put on and taken off by managers</source>
        <translation>Tag dipasang dan dilepas oleh manajer</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>Jenis kontak</translation>
    </message>
    <message>
        <source>Number or address</source>
        <translation>Nomor atau alamat</translation>
    </message>
    <message>
        <source>Number or email address</source>
        <translation>Nomor atau alamat email</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Label: office, daughter…</source>
        <translation>Label: kantor, anak…</translation>
    </message>
    <message>
        <source>&amp;Add Contact</source>
        <translation>T&amp;ambah Kontak</translation>
    </message>
    <message>
        <source>Add the contact</source>
        <translation>Tambahkan kontak</translation>
    </message>
    <message>
        <source>Result of the last contact change</source>
        <translation>Hasil perubahan kontak terakhir</translation>
    </message>
    <message>
        <source>Additional contacts</source>
        <translation>Kontak tambahan</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Utama</translation>
    </message>
    <message>
        <source>Re&amp;move Contact</source>
        <translation>Hap&amp;us Kontak</translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation>Hapus kontak yang dipilih</translation>
    </message>
    <message>
        <source>Preferred payment</source>
        <translation>Pembayaran pilihan</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Tidak disebutkan</translation>
    </message>
    <message>
        <source>Preferred &amp;payment:</source>
        <translation>Pembayaran pi&amp;lihan:</translation>
    </message>
    <message>
        <source>Best time to contact</source>
        <translation>Waktu terbaik untuk dihubungi</translation>
    </message>
    <message>
        <source>Best &amp;time to contact:</source>
        <translation>&amp;Waktu terbaik untuk dihubungi:</translation>
    </message>
    <message>
        <source>May receive &amp;offers</source>
        <translation>Boleh menerima penaw&amp;aran</translation>
    </message>
    <message>
        <source>May receive &amp;loyalty messages (points, level)</source>
        <translation>Boleh menerima pesan lo&amp;yalitas (poin, level)</translation>
    </message>
    <message>
        <source>&amp;Do not contact at all</source>
        <translation>&amp;Jangan hubungi sama sekali</translation>
    </message>
    <message>
        <source>Overrides the consents above</source>
        <translation>Mengesampingkan persetujuan di atas</translation>
    </message>
    <message>
        <source>Result of saving the preferences</source>
        <translation>Hasil menyimpan preferensi</translation>
    </message>
    <message>
        <source>Save &amp;Preferences</source>
        <translation>&amp;Simpan Preferensi</translation>
    </message>
    <message>
        <source>Save the preferences</source>
        <translation>Simpan preferensi</translation>
    </message>
    <message>
        <source>Activity, newest first</source>
        <translation>Aktivitas, terbaru di atas</translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation>Pelanggan tidak ditemukan</translation>
    </message>
    <message>
        <source>%1 % (own)</source>
        <translation>%1 % (khusus)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>%1 owed</source>
        <translation>utang %1</translation>
    </message>
    <message>
        <source>Blocked: this customer may not pay with store credit. Ask a manager before serving them.</source>
        <translation>Diblokir: pelanggan ini tidak boleh membayar dengan kredit toko. Tanyakan ke manajer sebelum melayaninya.</translation>
    </message>
    <message>
        <source>Inactive: this customer was deactivated and is hidden from lookups at the counter.</source>
        <translation>Nonaktif: pelanggan ini dinonaktifkan dan disembunyikan dari pencarian di kasir.</translation>
    </message>
    <message>
        <source>Do not contact this customer.</source>
        <translation>Jangan hubungi pelanggan ini.</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Akti&amp;fkan lagi</translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation>Nonakti&amp;fkan</translation>
    </message>
    <message>
        <source>Reactivate the customer</source>
        <translation>Aktifkan kembali pelanggan</translation>
    </message>
    <message>
        <source>Deactivate the customer</source>
        <translation>Nonaktifkan pelanggan</translation>
    </message>
    <message>
        <source>Make this customer active again</source>
        <translation>Jadikan pelanggan ini aktif lagi</translation>
    </message>
    <message>
        <source>Hide this customer from lookups; their history stays</source>
        <translation>Sembunyikan pelanggan ini dari pencarian; riwayatnya tetap ada</translation>
    </message>
    <message>
        <source>Registered %1 · last changed %2</source>
        <translation>Terdaftar %1 · terakhir diubah %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s)</source>
        <translation>
            <numerusform>%Ln pembelian</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 spent</source>
        <translation>belanja %1</translation>
    </message>
    <message>
        <source>%1 on average</source>
        <translation>rata-rata %1</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hari ini</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln hari lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>last purchase %1 (%2)</source>
        <translation>pembelian terakhir %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (refund)</source>
        <translation>%1 (pengembalian)</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Belanja</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Spending per month, %1</source>
        <translation>Belanja per bulan, %1</translation>
    </message>
    <message>
        <source>No purchases in the last 12 months</source>
        <translation>Tidak ada pembelian dalam 12 bulan terakhir</translation>
    </message>
    <message numerus="yes">
        <source>Balance: %Ln point(s)</source>
        <translation>
            <numerusform>Saldo: %Ln poin</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance: %1 owed</source>
        <translation>Saldo: utang %1</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Saldo: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a former user</source>
        <translation>mantan pengguna</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Belum ada catatan.</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>sistem</translation>
    </message>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <translation>Tidak ada yang disimpan: tidak ada kolom yang diubah.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked below their boxes.</source>
        <translation>Tidak ada yang disimpan: perbaiki kolom yang ditandai di bawah isiannya.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Tidak ada yang disimpan: %1</translation>
    </message>
    <message>
        <source>%1 already has the tag %2.</source>
        <translation>%1 sudah memiliki tag %2.</translation>
    </message>
    <message>
        <source>Choose the tag to remove in the list.</source>
        <translation>Pilih tag yang akan dilepas di daftar.</translation>
    </message>
    <message>
        <source>Choose the contact to remove in the table.</source>
        <translation>Pilih kontak yang akan dihapus di tabel.</translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation>Preferensi tersimpan.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Tidak dapat menyimpan %1: %2</translation>
    </message>
    <message>
        <source>Everything stored about %1 was saved to %2.</source>
        <translation>Semua data yang tersimpan tentang %1 telah disimpan ke %2.</translation>
    </message>
    <message>
        <source>Anonymise %1</source>
        <translation>Anonimkan %1</translation>
    </message>
    <message>
        <source>This erases %1&apos;s name, contact details, address, notes and tags for good; their sales, points and store credit stay. It cannot be undone.

Why is their data erased? (Do not repeat their name or numbers.)</source>
        <translation>Ini menghapus nama, detail kontak, alamat, catatan, dan tag %1 untuk selamanya; penjualan, poin, dan kredit tokonya tetap ada. Tindakan ini tidak dapat dibatalkan.

Mengapa datanya dihapus? (Jangan tulis ulang nama atau nomornya.)</translation>
    </message>
    <message>
        <source>The customer&apos;s personal data was erased.</source>
        <translation>Data pribadi pelanggan telah dihapus.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>This deletes %1 with their notes, contacts, tags and preferences. It cannot be undone. A customer with sales or ledger entries cannot be deleted: deactivate or anonymise them.

Reason (optional):</source>
        <translation>Ini menghapus %1 beserta catatan, kontak, tag, dan preferensinya. Tindakan ini tidak dapat dibatalkan. Pelanggan yang memiliki penjualan atau catatan buku besar tidak dapat dihapus: nonaktifkan atau anonimkan pelanggan tersebut.

Alasan (opsional):</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerEnums</name>
    <message>
        <source>Walk-in</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Wholesale</source>
        <translation>Grosir</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Diblokir</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Perunggu</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Perak</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Emas</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerListView</name>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tampilkan semua</translation>
    </message>
    <message>
        <source>Remove the filters chosen on the dashboard</source>
        <translation>Hapus saringan yang dipilih di dasbor</translation>
    </message>
    <message>
        <source>Remove the dashboard&apos;s filters</source>
        <translation>Hapus saringan dasbor</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Find Customer</source>
        <translation>Cari Pelanggan</translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation>Menghitung pelanggan…</translation>
    </message>
    <message>
        <source>Search name, phone, email or code</source>
        <translation>Cari nama, telepon, email, atau kode</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Menampilkan: %1</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Pencarian gagal: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln pelanggan</numerusform>
        </translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Tags, balance, visits, spending, frequency, segment and dates</source>
        <translation>Tag, saldo, kunjungan, belanja, frekuensi, segmen, dan tanggal</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Hapus saringan</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Hapus semua saringan</translation>
    </message>
    <message>
        <source>More filters</source>
        <translation>Saringan lainnya</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>How the tags match</source>
        <translation>Cara mencocokkan tag</translation>
    </message>
    <message>
        <source>Any of them</source>
        <translation>Salah satunya</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Semuanya</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;g:</translation>
    </message>
    <message>
        <source>Holds credit</source>
        <translation>Punya kredit</translation>
    </message>
    <message>
        <source>Owes (debt)</source>
        <translation>Berutang</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Nol</translation>
    </message>
    <message>
        <source>Lowest balance</source>
        <translation>Saldo terendah</translation>
    </message>
    <message>
        <source>Highest balance</source>
        <translation>Saldo tertinggi</translation>
    </message>
    <message>
        <source>&amp;Balance:</source>
        <translation>&amp;Saldo:</translation>
    </message>
    <message>
        <source>Lowest total spent</source>
        <translation>Total belanja terendah</translation>
    </message>
    <message>
        <source>Highest total spent</source>
        <translation>Total belanja tertinggi</translation>
    </message>
    <message>
        <source>Total s&amp;pent:</source>
        <translation>Total &amp;belanja:</translation>
    </message>
    <message>
        <source>Last visit from</source>
        <translation>Kunjungan terakhir dari</translation>
    </message>
    <message>
        <source>Last visit until</source>
        <translation>Kunjungan terakhir sampai</translation>
    </message>
    <message>
        <source>Last &amp;visit:</source>
        <translation>&amp;Kunjungan terakhir:</translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation>Terdaftar dari</translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation>Terdaftar sampai</translation>
    </message>
    <message>
        <source>&amp;Registered:</source>
        <translation>Ter&amp;daftar:</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Not active</source>
        <translation>Tidak aktif</translation>
    </message>
    <message>
        <source>With purchases</source>
        <translation>Pernah membeli</translation>
    </message>
    <message>
        <source>Without purchases</source>
        <translation>Belum membeli</translation>
    </message>
    <message>
        <source>P&amp;urchases:</source>
        <translation>&amp;Pembelian:</translation>
    </message>
    <message>
        <source>&amp;Membership:</source>
        <translation>Ke&amp;anggotaan:</translation>
    </message>
    <message>
        <source>Comes back:</source>
        <translation>Frekuensi kembali:</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segmen:</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Saringan tersimpan</translation>
    </message>
    <message>
        <source>Save filters…</source>
        <translation>Simpan saringan…</translation>
    </message>
    <message>
        <source>Save the current filters under a name</source>
        <translation>Simpan saringan saat ini dengan sebuah nama</translation>
    </message>
    <message>
        <source>Name for these filters:</source>
        <translation>Nama untuk saringan ini:</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the chosen saved filters</source>
        <translation>Hapus saringan tersimpan yang dipilih</translation>
    </message>
    <message>
        <source>Delete the saved filters “%1”?</source>
        <translation>Hapus saringan tersimpan “%1”?</translation>
    </message>
    <message>
        <source>Sa&amp;ved:</source>
        <translation>Tersi&amp;mpan:</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Choose the columns</source>
        <translation>Pilih kolom</translation>
    </message>
    <message>
        <source>Selected customers…</source>
        <translation>Pelanggan yang dipilih…</translation>
    </message>
    <message>
        <source>All filtered customers…</source>
        <translation>Semua pelanggan hasil saringan…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <source>Export customers to a CSV file</source>
        <translation>Ekspor pelanggan ke berkas CSV</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>Tindakan massal</translation>
    </message>
    <message>
        <source>Change the selected customers</source>
        <translation>Ubah pelanggan yang dipilih</translation>
    </message>
    <message>
        <source>Change the selected customers, or every filtered one when none is selected</source>
        <translation>Ubah pelanggan yang dipilih, atau semua pelanggan hasil saringan jika tidak ada yang dipilih</translation>
    </message>
    <message>
        <source>Set &amp;type</source>
        <translation>Ubah &amp;jenis</translation>
    </message>
    <message>
        <source>Set &amp;status</source>
        <translation>Ubah &amp;status</translation>
    </message>
    <message>
        <source>&amp;Add tag…</source>
        <translation>&amp;Tambah tag…</translation>
    </message>
    <message>
        <source>Tag to add:</source>
        <translation>Tag yang ditambahkan:</translation>
    </message>
    <message>
        <source>&amp;Remove tag…</source>
        <translation>&amp;Lepas tag…</translation>
    </message>
    <message>
        <source>Tag to remove:</source>
        <translation>Tag yang dilepas:</translation>
    </message>
    <message>
        <source>Membership &amp;on</source>
        <translation>&amp;Aktifkan keanggotaan</translation>
    </message>
    <message>
        <source>Membership o&amp;ff</source>
        <translation>&amp;Nonaktifkan keanggotaan</translation>
    </message>
    <message>
        <source>“%1” is not an amount (%2).</source>
        <translation>“%1” bukan nominal uang (%2).</translation>
    </message>
    <message>
        <source>More filters (%1)</source>
        <translation>Saringan lainnya (%1)</translation>
    </message>
    <message numerus="yes">
        <source>More filters, %n set</source>
        <translation>
            <numerusform>Saringan lainnya, %n diatur</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation>Tidak ada saringan tersimpan</translation>
    </message>
    <message>
        <source>Choose saved filters</source>
        <translation>Pilih saringan tersimpan</translation>
    </message>
    <message>
        <source>Filters saved as “%1”.</source>
        <translation>Saringan disimpan sebagai “%1”.</translation>
    </message>
    <message>
        <source>There are no saved filters named “%1”.</source>
        <translation>Tidak ada saringan tersimpan bernama “%1”.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Tidak dilakukan: %1</translation>
    </message>
    <message>
        <source>Set the type to %1</source>
        <translation>Ubah jenis menjadi %1</translation>
    </message>
    <message>
        <source>Set the status to %1</source>
        <translation>Ubah status menjadi %1</translation>
    </message>
    <message>
        <source>Add the tag “%1”</source>
        <translation>Tambahkan tag “%1”</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>Lepas tag “%1”</translation>
    </message>
    <message>
        <source>Turn membership on</source>
        <translation>Aktifkan keanggotaan</translation>
    </message>
    <message>
        <source>Turn membership off</source>
        <translation>Nonaktifkan keanggotaan</translation>
    </message>
    <message numerus="yes">
        <source>all %Ln filtered customer(s)</source>
        <translation>
            <numerusform>semua %Ln pelanggan hasil saringan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected customer(s)</source>
        <translation>
            <numerusform>%Ln pelanggan yang dipilih</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2?
%Ln would change</source>
        <translation>
            <numerusform>%1 untuk %2?
%Ln akan berubah</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already so</source>
        <translation>
            <numerusform>%Ln sudah demikian</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln would be refused</source>
        <translation>
            <numerusform>%Ln akan ditolak</numerusform>
        </translation>
    </message>
    <message>
        <source>Changing customers…</source>
        <translation>Mengubah pelanggan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>%1: %2 changed, %3 unchanged, %4 failed.</source>
        <translation>%1: %2 diubah, %3 tidak berubah, %4 gagal.</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %Ln not reached.</source>
        <translation>
            <numerusform>Dibatalkan; %Ln belum diproses.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Terhenti: %1</translation>
    </message>
    <message>
        <source>First refusal: %1 — %2</source>
        <translation>Penolakan pertama: %1 — %2</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>pelanggan</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>Ekspor pelanggan</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Tidak dapat menulis %1: %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Ekspor gagal: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln pelanggan diekspor ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>Mengekspor pelanggan…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Ekspor dibatalkan; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Not done: the list changed while you were choosing. Choose the customers again.</source>
        <translation>Tidak dikerjakan: daftar berubah saat Anda memilih. Pilih lagi pelanggannya.</translation>
    </message>
    <message>
        <source>Nothing was exported: the list changed while you were choosing. Choose the customers again.</source>
        <translation>Tidak ada yang diekspor: daftar berubah saat Anda memilih. Pilih lagi pelanggannya.</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerRepository</name>
    <message>
        <source>customer %1 does not exist</source>
        <translation>pelanggan %1 tidak ada</translation>
    </message>
    <message>
        <source>is not a cursor from this list; start again from the first page</source>
        <translation>bukan penanda halaman dari daftar ini; mulai lagi dari halaman pertama</translation>
    </message>
    <message>
        <source>%1 is given to more than one customer: %2; nothing was loaded</source>
        <translation>%1 dipakai oleh lebih dari satu pelanggan: %2; tidak ada yang dimuat</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerService</name>
    <message>
        <source>company %1 does not exist</source>
        <translation>perusahaan %1 tidak ada</translation>
    </message>
    <message>
        <source>%1 is already the phone number of %2 (%3)</source>
        <translation>%1 sudah menjadi nomor telepon %2 (%3)</translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (%3)</source>
        <translation>%1 sudah menjadi alamat email %2 (%3)</translation>
    </message>
    <message>
        <source>register customers</source>
        <translation>mendaftarkan pelanggan</translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation>mencari pelanggan</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a customer id nor a customer code like C-000123</source>
        <translation>&quot;%1&quot; bukan ID pelanggan maupun kode pelanggan seperti C-000123</translation>
    </message>
    <message>
        <source>no customer %1</source>
        <translation>tidak ada pelanggan %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>is not a valid phone number (region %1)</source>
        <translation>bukan nomor telepon yang valid (wilayah %1)</translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation>harus antara 1 dan %1</translation>
    </message>
    <message>
        <source>change customers</source>
        <translation>mengubah data pelanggan</translation>
    </message>
    <message>
        <source>a %1 may not change a customer&apos;s status</source>
        <translation>seorang %1 tidak boleh mengubah status pelanggan</translation>
    </message>
    <message>
        <source>deactivate customers</source>
        <translation>menonaktifkan pelanggan</translation>
    </message>
    <message>
        <source>reactivate customers</source>
        <translation>mengaktifkan kembali pelanggan</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>tidak boleh negatif</translation>
    </message>
    <message>
        <source>the load holds more customers than the %1 it announced</source>
        <translation>muatan berisi lebih banyak pelanggan daripada %1 yang diumumkan</translation>
    </message>
    <message numerus="yes">
        <source>at most %n tags at once</source>
        <translation>
            <numerusform>paling banyak %n tag sekaligus</numerusform>
        </translation>
    </message>
    <message>
        <source>must not be less than %1</source>
        <translation>tidak boleh kurang dari %1</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>harus tanggal (TTTT-BB-HH)</translation>
    </message>
    <message>
        <source>must not be before lastVisitFrom</source>
        <translation>tidak boleh sebelum lastVisitFrom</translation>
    </message>
    <message>
        <source>Stopped before the end: no customer was added.</source>
        <translation>Dihentikan sebelum selesai: tidak ada pelanggan yang ditambahkan.</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerTableModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
</context>
<context>
    <name>kasir::CustomerValidator</name>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>tidak boleh berisi karakter kontrol atau baris baru</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>tidak boleh berisi karakter kontrol</translation>
    </message>
    <message>
        <source>is too short to be a phone number</source>
        <translation>terlalu pendek untuk nomor telepon</translation>
    </message>
    <message>
        <source>is too long to be a phone number</source>
        <translation>terlalu panjang untuk nomor telepon</translation>
    </message>
    <message>
        <source>has a country code that does not exist</source>
        <translation>memiliki kode negara yang tidak ada</translation>
    </message>
    <message>
        <source>is not a valid phone number (region %1); write it as 0812 3456 7890 or +62 812 3456 7890</source>
        <translation>bukan nomor telepon yang valid (wilayah %1); tulis seperti 0812 3456 7890 atau +62 812 3456 7890</translation>
    </message>
    <message>
        <source>is not a valid email address (example: name@example.com)</source>
        <translation>bukan alamat email yang valid (contoh: nama@contoh.com)</translation>
    </message>
    <message>
        <source>may contain only letters, digits, spaces and dashes</source>
        <translation>hanya boleh berisi huruf, angka, spasi, dan tanda hubung</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>harus salah satu dari: %1</translation>
    </message>
    <message>
        <source>must be a percentage from 0 to 100 with at most two decimals</source>
        <translation>harus persentase 0 sampai 100 dengan paling banyak dua desimal</translation>
    </message>
    <message>
        <source>must be a date written as YYYY-MM-DD</source>
        <translation>harus tanggal dengan format TTTT-BB-HH</translation>
    </message>
    <message>
        <source>must not be in the future</source>
        <translation>tidak boleh di masa depan</translation>
    </message>
    <message>
        <source>must not be before 1900</source>
        <translation>tidak boleh sebelum tahun 1900</translation>
    </message>
</context>
<context>
    <name>kasir::DashboardView</name>
    <message>
        <source>%1 %2</source>
        <comment>month and year</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Membership dashboard</source>
        <translation>Dasbor keanggotaan</translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation>Belum ada pelanggan</translation>
    </message>
    <message>
        <source>Once customers are registered and start buying, their figures appear here: how many there are, what they spend and who comes back.</source>
        <translation>Setelah pelanggan terdaftar dan mulai berbelanja, angkanya muncul di sini: berapa banyak pelanggan, berapa belanjanya, dan siapa yang kembali.</translation>
    </message>
    <message>
        <source>The dashboard is not available for your role</source>
        <translation>Dasbor tidak tersedia untuk peran Anda</translation>
    </message>
    <message>
        <source>The company&apos;s customer figures are for managers and administrators. Ask one of them if you need them.</source>
        <translation>Angka pelanggan perusahaan hanya untuk manajer dan administrator. Tanyakan ke salah satu dari mereka jika Anda memerlukannya.</translation>
    </message>
    <message>
        <source>The figures could not be read</source>
        <translation>Angka tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Refresh Dashboard</source>
        <translation>Muat Ulang Dasbor</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>Muat ulang dasbor</translation>
    </message>
    <message>
        <source>Read the figures again (%1)</source>
        <translation>Baca ulang angka (%1)</translation>
    </message>
    <message>
        <source>Dashboard figures</source>
        <translation>Angka dasbor</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>New this month</source>
        <translation>Baru bulan ini</translation>
    </message>
    <message>
        <source>Repeat customers</source>
        <translation>Pelanggan yang kembali</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation>Total pendapatan</translation>
    </message>
    <message>
        <source>Average lifetime value</source>
        <translation>Rata-rata nilai pelanggan</translation>
    </message>
    <message>
        <source>Average purchases</source>
        <translation>Rata-rata pembelian</translation>
    </message>
    <message>
        <source>Customers in debt</source>
        <translation>Pelanggan berutang</translation>
    </message>
    <message>
        <source>Total debt</source>
        <translation>Total utang</translation>
    </message>
    <message>
        <source>Store credit held</source>
        <translation>Kredit toko tersedia</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>Poin beredar</translation>
    </message>
    <message>
        <source>New customers per month, last 12 months</source>
        <translation>Pelanggan baru per bulan, 12 bulan terakhir</translation>
    </message>
    <message>
        <source>New customers per month</source>
        <translation>Pelanggan baru per bulan</translation>
    </message>
    <message>
        <source>Revenue per month, last 12 months</source>
        <translation>Pendapatan per bulan, 12 bulan terakhir</translation>
    </message>
    <message>
        <source>Revenue per month</source>
        <translation>Pendapatan per bulan</translation>
    </message>
    <message>
        <source>Customers by membership level</source>
        <translation>Pelanggan menurut level keanggotaan</translation>
    </message>
    <message>
        <source>Customers by level</source>
        <translation>Pelanggan menurut level</translation>
    </message>
    <message>
        <source>Customers by how often they buy</source>
        <translation>Pelanggan menurut seberapa sering membeli</translation>
    </message>
    <message>
        <source>How often customers buy</source>
        <translation>Frekuensi belanja pelanggan</translation>
    </message>
    <message>
        <source>Customers per RFM segment</source>
        <translation>Pelanggan per segmen RFM</translation>
    </message>
    <message>
        <source>Customer segments</source>
        <translation>Segmen pelanggan</translation>
    </message>
    <message>
        <source>Top customers</source>
        <translation>Pelanggan teratas</translation>
    </message>
    <message>
        <source>Top customers by revenue</source>
        <translation>Pelanggan teratas menurut pendapatan</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Belanja</translation>
    </message>
    <message>
        <source>By revenue</source>
        <translation>Menurut pendapatan</translation>
    </message>
    <message>
        <source>Top customers by purchases</source>
        <translation>Pelanggan teratas menurut pembelian</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Pembelian</translation>
    </message>
    <message>
        <source>By purchases</source>
        <translation>Menurut pembelian</translation>
    </message>
    <message>
        <source>Top customers by store credit</source>
        <translation>Pelanggan teratas menurut kredit toko</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kredit</translation>
    </message>
    <message>
        <source>By store credit</source>
        <translation>Menurut kredit toko</translation>
    </message>
    <message>
        <source>Recently registered customers</source>
        <translation>Pelanggan yang baru terdaftar</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Recently registered</source>
        <translation>Baru terdaftar</translation>
    </message>
    <message>
        <source>Click a customer to open them</source>
        <translation>Klik pelanggan untuk membukanya</translation>
    </message>
    <message>
        <source>Press Refresh to try again.</source>
        <translation>Tekan Muat ulang untuk mencoba lagi.</translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation>Angka per %1</translation>
    </message>
    <message>
        <source>Show these customers</source>
        <translation>Tampilkan pelanggan ini</translation>
    </message>
    <message>
        <source>%1 with purchases</source>
        <translation>%1 pernah membeli</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>Semua pelanggan</translation>
    </message>
    <message>
        <source>%1 inactive, %2 blocked</source>
        <translation>%1 nonaktif, %2 diblokir</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>Pelanggan aktif</translation>
    </message>
    <message>
        <source>%1 of all customers</source>
        <translation>%1 dari semua pelanggan</translation>
    </message>
    <message>
        <source>Members and VIP customers</source>
        <translation>Pelanggan member dan VIP</translation>
    </message>
    <message>
        <source>VIP customers</source>
        <translation>Pelanggan VIP</translation>
    </message>
    <message>
        <source>since 1 %1</source>
        <translation>sejak 1 %1</translation>
    </message>
    <message>
        <source>Registered in %1</source>
        <translation>Terdaftar pada %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bought twice or more</source>
        <translation>
            <numerusform>%Ln membeli dua kali atau lebih</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no purchase in %Ln day(s)</source>
        <translation>
            <numerusform>tidak membeli dalam %Ln hari</numerusform>
        </translation>
    </message>
    <message>
        <source>Churned customers</source>
        <translation>Pelanggan yang berhenti</translation>
    </message>
    <message>
        <source>net of refunds</source>
        <translation>bersih setelah pengembalian dana</translation>
    </message>
    <message>
        <source>Customers who bought</source>
        <translation>Pelanggan yang pernah membeli</translation>
    </message>
    <message>
        <source>spent per customer</source>
        <translation>belanja per pelanggan</translation>
    </message>
    <message>
        <source>purchases per customer</source>
        <translation>pembelian per pelanggan</translation>
    </message>
    <message>
        <source>owe the shop money</source>
        <translation>berutang ke toko</translation>
    </message>
    <message numerus="yes">
        <source>owed by %Ln customer(s)</source>
        <translation>
            <numerusform>utang dari %Ln pelanggan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>held by %Ln customer(s)</source>
        <translation>
            <numerusform>dimiliki %Ln pelanggan</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers holding store credit</source>
        <translation>Pelanggan yang memiliki kredit toko</translation>
    </message>
    <message>
        <source>loyalty points not yet used</source>
        <translation>poin loyalitas yang belum dipakai</translation>
    </message>
    <message>
        <source>New customers per month, %1 to %2</source>
        <translation>Pelanggan baru per bulan, %1 sampai %2</translation>
    </message>
    <message>
        <source>Revenue per month, %1 to %2</source>
        <translation>Pendapatan per bulan, %1 sampai %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln new customer(s)</source>
        <translation>
            <numerusform>%1: %Ln pelanggan baru</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, millions</source>
        <translation>%1, juta</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 from %Ln sale(s)</source>
        <translation>
            <numerusform>%1: %2 dari %Ln penjualan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refund(s)</source>
        <translation>
            <numerusform>%Ln pengembalian dana</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Level: %1</source>
        <translation>Level: %1</translation>
    </message>
    <message>
        <source>Buy: %1</source>
        <translation>Frekuensi beli: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s)</source>
        <translation>
            <numerusform>%Ln pembelian</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2 purchases</source>
        <translation>%1 sampai %2 pembelian</translation>
    </message>
    <message>
        <source>%1 purchases or more</source>
        <translation>%1 pembelian atau lebih</translation>
    </message>
    <message>
        <source>no purchase yet</source>
        <translation>belum ada pembelian</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %Ln customer(s)</source>
        <translation>
            <numerusform>%1 (%2): %Ln pelanggan</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segmen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln customer(s)</source>
        <translation>
            <numerusform>%1: %Ln pelanggan</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers have not been ranked into segments yet.</source>
        <translation>Pelanggan belum diperingkat ke dalam segmen.</translation>
    </message>
    <message numerus="yes">
        <source>Ranked %1; %Ln customer(s) without a purchase are not ranked.</source>
        <translation>
            <numerusform>Diperingkat %1; %Ln pelanggan tanpa pembelian tidak diperingkat.</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer has bought anything yet.</source>
        <translation>Belum ada pelanggan yang membeli.</translation>
    </message>
    <message>
        <source>No customer holds store credit.</source>
        <translation>Tidak ada pelanggan yang memiliki kredit toko.</translation>
    </message>
    <message>
        <source>No customer has been registered yet.</source>
        <translation>Belum ada pelanggan yang terdaftar.</translation>
    </message>
    <message>
        <source>Rank &amp;segments again</source>
        <translation>Peringkat ulang &amp;segmen</translation>
    </message>
    <message>
        <source>Rank the customers into segments again</source>
        <translation>Peringkatkan ulang pelanggan ke dalam segmen</translation>
    </message>
    <message>
        <source>Scores every customer with purchases against the others again. On a big directory this takes a while; sales wait for it meanwhile.</source>
        <translation>Menilai ulang setiap pelanggan yang pernah membeli dibandingkan yang lain. Pada data yang besar ini butuh waktu; penjualan menunggu selama itu.</translation>
    </message>
    <message>
        <source>Ranking the customers into segments…</source>
        <translation>Memeringkatkan pelanggan ke dalam segmen…</translation>
    </message>
    <message>
        <source>Ranking the customers</source>
        <translation>Memeringkatkan pelanggan</translation>
    </message>
    <message>
        <source>The customers were not ranked again: %1</source>
        <translation>Pelanggan tidak diperingkatkan ulang: %1</translation>
    </message>
</context>
<context>
    <name>kasir::Database</name>
    <message>
        <source>no database file was given</source>
        <translation>berkas basis data tidak diberikan</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation>%1 adalah folder, bukan berkas basis data</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>tidak dapat membuat folder %1</translation>
    </message>
    <message>
        <source>cannot open the database file %1</source>
        <translation>tidak dapat membuka berkas basis data %1</translation>
    </message>
    <message>
        <source>the database %1 was written by a newer version of Kasir (schema %2; this version knows %3)</source>
        <translation>basis data %1 ditulis oleh Kasir versi yang lebih baru (skema %2; versi ini mengenal %3)</translation>
    </message>
    <message>
        <source>cannot upgrade the database to schema %1 (%2): %3</source>
        <translation>tidak dapat meningkatkan basis data ke skema %1 (%2): %3</translation>
    </message>
    <message>
        <source>is already used by another record (%1)</source>
        <translation>sudah dipakai oleh data lain (%1)</translation>
    </message>
    <message>
        <source>the database could not carry out the request (%1)</source>
        <translation>basis data tidak dapat menjalankan permintaan (%1)</translation>
    </message>
    <message>
        <source>the database could not go back to its write-ahead log</source>
        <translation>basis data tidak dapat kembali ke log tulis-depan (WAL)</translation>
    </message>
    <message>
        <source>the write-ahead log cannot be emptied during a write</source>
        <translation>log tulis-depan tidak dapat dikosongkan saat ada penulisan</translation>
    </message>
</context>
<context>
    <name>kasir::DemoData</name>
    <message>
        <source>the company has no active administrator</source>
        <translation>perusahaan tidak memiliki administrator yang aktif</translation>
    </message>
    <message>
        <source>Stopped before the end: no demo customer was added.</source>
        <translation>Dihentikan sebelum selesai: tidak ada pelanggan demo yang ditambahkan.</translation>
    </message>
    <message>
        <source>add demo customers</source>
        <translation>menambah pelanggan demo</translation>
    </message>
</context>
<context>
    <name>kasir::Desktop</name>
    <message>
        <source>Kasir: customers and sales at the counter, online or not.</source>
        <translation>Kasir: pelanggan dan penjualan di kasir, daring maupun tidak.</translation>
    </message>
    <message>
        <source>The terminal&apos;s database &lt;file&gt; (default: %1).</source>
        <translation>Basis data terminal &lt;berkas&gt; (bawaan: %1).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>berkas</translation>
    </message>
    <message>
        <source>Save a picture of the main window to &lt;file&gt; once it has loaded, then quit.</source>
        <translation>Simpan gambar jendela utama ke &lt;berkas&gt; setelah dimuat, lalu keluar.</translation>
    </message>
    <message>
        <source>Kasir is not set up</source>
        <translation>Kasir belum disiapkan</translation>
    </message>
    <message>
        <source>There is no Kasir database at %1.</source>
        <translation>Tidak ada basis data Kasir di %1.</translation>
    </message>
    <message>
        <source>Kasir cannot start</source>
        <translation>Kasir tidak dapat dimulai</translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation>Basis data %1 tidak dapat dibuka: %2</translation>
    </message>
    <message>
        <source>The database %1 does not belong to a company yet.</source>
        <translation>Basis data %1 belum menjadi milik perusahaan mana pun.</translation>
    </message>
    <message>
        <source>The database %1 could not be read: %2</source>
        <translation>Basis data %1 tidak dapat dibaca: %2</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation>Tidak dapat menyimpan tangkapan layar ke %1.</translation>
    </message>
    <message>
        <source>Set this terminal up with &quot;kasirctl --db %1 init --company NAME&quot;, or try Kasir with demo customers with &quot;kasirctl --db %1 demo --customers 1000&quot;, then start Kasir again.</source>
        <translation>Siapkan terminal ini dengan &quot;kasirctl --db %1 init --company NAMA&quot;, atau coba Kasir dengan pelanggan contoh lewat &quot;kasirctl --db %1 demo --customers 1000&quot;, lalu jalankan Kasir lagi.</translation>
    </message>
    <message>
        <source>%1 has no active administrator, so nobody may open it. Restore the latest backup of the database, or ask whoever supports your Kasir installation.</source>
        <translation>%1 tidak punya administrator aktif, jadi tidak ada yang boleh membukanya. Pulihkan cadangan basis data terakhir, atau hubungi pihak yang mendukung instalasi Kasir Anda.</translation>
    </message>
    <message>
        <source>The page to open: %1.</source>
        <translation>Halaman yang dibuka: %1.</translation>
    </message>
    <message>
        <source>page</source>
        <translation>halaman</translation>
    </message>
    <message>
        <source>--page: &quot;%1&quot; is not a page; the pages are %2.</source>
        <translation>--page: &quot;%1&quot; bukan halaman; halamannya adalah %2.</translation>
    </message>
    <message>
        <source>This computer has no Kasir data yet (%1).

If your shop runs a Kasir server, join it with the server&apos;s address and the enrolment code its administrator made for this terminal.

To use Kasir on its own instead, quit and run &quot;kasirctl --db %1 init --company NAME&quot;, or try it with demo customers: &quot;kasirctl --db %1 demo --customers 1000&quot;.</source>
        <translation>Komputer ini belum memiliki data Kasir (%1).

Jika toko Anda memakai server Kasir, bergabunglah dengan alamat server dan kode pendaftaran yang dibuat administratornya untuk terminal ini.

Untuk memakai Kasir secara mandiri, keluar lalu jalankan &quot;kasirctl --db %1 init --company NAMA&quot;, atau coba dengan pelanggan demo: &quot;kasirctl --db %1 demo --customers 1000&quot;.</translation>
    </message>
</context>
<context>
    <name>kasir::HttpApi</name>
    <message>
        <source>is larger than %1 MB</source>
        <translation>lebih besar dari %1 MB</translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at byte %2)</source>
        <translation>bukan JSON yang valid (%1 pada bita %2)</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>harus berupa objek JSON</translation>
    </message>
    <message>
        <source>%1 does not take this method</source>
        <translation>%1 tidak menerima metode ini</translation>
    </message>
    <message>
        <source>there is nothing at %1</source>
        <translation>tidak ada apa pun di %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>send the terminal&apos;s device token as &quot;Authorization: Bearer TOKEN&quot;</source>
        <translation>kirim token perangkat terminal sebagai &quot;Authorization: Bearer TOKEN&quot;</translation>
    </message>
    <message>
        <source>must be the id of the terminal the token belongs to</source>
        <translation>harus berupa id terminal pemilik token</translation>
    </message>
    <message>
        <source>is required (text of at most 64 characters)</source>
        <translation>wajib diisi (teks paling banyak 64 karakter)</translation>
    </message>
    <message>
        <source>must be an array of ops</source>
        <translation>harus berupa larik operasi</translation>
    </message>
    <message>
        <source>must hold at most %1 ops; send the rest in another batch</source>
        <translation>paling banyak %1 operasi; kirim sisanya dalam kiriman lain</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>harus berupa objek</translation>
    </message>
    <message>
        <source>must be the cursor a previous pull returned as next</source>
        <translation>harus berupa kursor yang dikembalikan tarikan sebelumnya sebagai next</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation>harus bilangan bulat dari 1 sampai %1</translation>
    </message>
</context>
<context>
    <name>kasir::JoinServerDialog</name>
    <message>
        <source>Join a Kasir server</source>
        <translation>Bergabung dengan server Kasir</translation>
    </message>
    <message>
        <source>http://192.168.1.10:8787</source>
        <translation>http://192.168.1.10:8787</translation>
    </message>
    <message>
        <source>ABCDE-23456</source>
        <translation>ABCDE-23456</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Alamat server:</translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation>&amp;Kode pendaftaran:</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Gabung</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>not needed: this terminal is enrolled</source>
        <translation>tidak perlu: terminal ini sudah terdaftar</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Unduh</translation>
    </message>
    <message>
        <source>Downloading the company: %1 changes received…</source>
        <translation>Mengunduh data perusahaan: %1 perubahan diterima…</translation>
    </message>
    <message>
        <source>The server does not know this code, or it was used already or has expired. Ask the server&apos;s administrator for a new one.</source>
        <translation>Server tidak mengenal kode ini, atau kode sudah dipakai atau kedaluwarsa. Mintalah kode baru kepada administrator server.</translation>
    </message>
    <message>
        <source>The server cannot be reached at this address. Check the address and that this computer is on the shop&apos;s network.
(%1)</source>
        <translation>Server tidak dapat dihubungi di alamat ini. Periksa alamatnya dan pastikan komputer ini terhubung ke jaringan toko.
(%1)</translation>
    </message>
    <message>
        <source>Joined. Downloading the company…</source>
        <translation>Sudah bergabung. Mengunduh data perusahaan…</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Menghubungi server…</translation>
    </message>
    <message>
        <source>Type the address the server&apos;s administrator gave you.</source>
        <translation>Ketik alamat yang diberikan administrator server.</translation>
    </message>
    <message>
        <source>Type the enrolment code made for this terminal.</source>
        <translation>Ketik kode pendaftaran yang dibuat untuk terminal ini.</translation>
    </message>
</context>
<context>
    <name>kasir::KasirServer</name>
    <message>
        <source>Usage: kasir-server [--db FILE | --pg CONNINFO] [COMMAND]

Serve (the default command):
  serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]
      HOST:PORT defaults to 127.0.0.1:8787; port 0 picks a free one. Prints
      {&quot;listening&quot;:&quot;HOST:PORT&quot;} when ready; SIGINT/SIGTERM finish the request in
      flight and stop.

Administration (JSON lines on stdout, errors as JSON on stderr):
  company create --name NAME [--region ID] [--currency IDR]
  company list
  store create --company ID --code S02 --name NAME
  user create --company ID --username NAME --role admin|manager|cashier [--name DISPLAY]
      the password is read from KASIR_PASSWORD, or from stdin with --password-stdin
  terminal register --store ID [--name NAME] [--token]
      prints a one-time enrolment code (valid 24 hours), or a device token with --token
  terminal revoke ID
  terminal list --company ID
  apikey create --user ID
      prints a REST API key that acts as the user (shown once; only its hash is kept)
  apikey revoke ID
  rebuild
      makes the customers the REST API reads again from the sync log

Storage: --db FILE is a SQLite file (default kasir-server.db in the current folder);
--pg &quot;host=... dbname=... user=...&quot; is a PostgreSQL database.
</source>
        <translation>Cara pakai: kasir-server [--db BERKAS | --pg CONNINFO] [PERINTAH]

Melayani (perintah bawaan):
  serve [--listen HOST:PORT] [--tls-cert BERKAS --tls-key BERKAS]
      HOST:PORT bawaannya 127.0.0.1:8787; port 0 memilih yang bebas. Mencetak
      {&quot;listening&quot;:&quot;HOST:PORT&quot;} saat siap; SIGINT/SIGTERM menuntaskan permintaan yang
      sedang berjalan lalu berhenti.

Administrasi (baris JSON di stdout, galat sebagai JSON di stderr):
  company create --name NAMA [--region ID] [--currency IDR]
  company list
  store create --company ID --code S02 --name NAMA
  user create --company ID --username NAMA --role admin|manager|cashier [--name TAMPILAN]
      sandi dibaca dari KASIR_PASSWORD, atau dari stdin dengan --password-stdin
  terminal register --store ID [--name NAMA] [--token]
      mencetak kode pendaftaran sekali pakai (berlaku 24 jam), atau token perangkat dengan --token
  terminal revoke ID
  terminal list --company ID
  apikey create --user ID
      mencetak kunci REST API yang bertindak sebagai pengguna itu (tampil sekali; hanya hash-nya disimpan)
  apikey revoke ID
  rebuild
      membuat ulang data pelanggan yang dibaca REST API dari log sinkronisasi

Penyimpanan: --db BERKAS adalah berkas SQLite (bawaan kasir-server.db di folder saat ini);
--pg &quot;host=... dbname=... user=...&quot; adalah basis data PostgreSQL.
</translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 memerlukan nilai</translation>
    </message>
    <message>
        <source>give either --db or --pg, not both</source>
        <translation>berikan --db atau --pg, bukan keduanya</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumen &quot;%1&quot; tidak diharapkan</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see kasir-server --help</source>
        <translation>perintah &quot;%1&quot; tidak dikenal; lihat kasir-server --help</translation>
    </message>
    <message>
        <source>an argument is missing</source>
        <translation>ada argumen yang kurang</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>company takes create or list</source>
        <translation>company menerima create atau list</translation>
    </message>
    <message>
        <source>store takes create</source>
        <translation>store menerima create</translation>
    </message>
    <message>
        <source>user takes create</source>
        <translation>user menerima create</translation>
    </message>
    <message>
        <source>must be admin, manager or cashier</source>
        <translation>harus admin, manager atau cashier</translation>
    </message>
    <message>
        <source>terminal takes register, revoke or list</source>
        <translation>terminal menerima register, revoke atau list</translation>
    </message>
    <message>
        <source>apikey takes create or revoke</source>
        <translation>apikey menerima create atau revoke</translation>
    </message>
    <message>
        <source>must be HOST:PORT with an IP address, such as 127.0.0.1:8787 or 0.0.0.0:8787</source>
        <translation>harus HOST:PORT dengan alamat IP, misalnya 127.0.0.1:8787 atau 0.0.0.0:8787</translation>
    </message>
    <message>
        <source>TLS needs both --tls-cert and --tls-key</source>
        <translation>TLS memerlukan --tls-cert dan --tls-key sekaligus</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>tidak dapat membaca %1</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 tidak berisi sertifikat PEM</translation>
    </message>
    <message>
        <source>%1 holds no PEM RSA or EC key</source>
        <translation>%1 tidak berisi kunci PEM RSA atau EC</translation>
    </message>
    <message>
        <source>cannot listen on %1</source>
        <translation>tidak dapat mendengarkan di %1</translation>
    </message>
</context>
<context>
    <name>kasir::Kasirctl</name>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 memerlukan nilai</translation>
    </message>
    <message>
        <source>unknown option --%1; see kasirctl --help</source>
        <translation>opsi --%1 tidak dikenal; lihat kasirctl --help</translation>
    </message>
    <message>
        <source>%1 needs a verb; see kasirctl --help</source>
        <translation>%1 memerlukan perintah; lihat kasirctl --help</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see kasirctl --help</source>
        <translation>perintah &quot;%1&quot; tidak dikenal; lihat kasirctl --help</translation>
    </message>
    <message>
        <source>the company has no active administrator; use --user</source>
        <translation>perusahaan tidak memiliki administrator yang aktif; gunakan --user</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>argumen &quot;%1&quot; tidak diharapkan</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>harus true atau false</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 10000000</source>
        <translation>harus bilangan bulat dari 0 sampai 10000000</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>harus bilangan bulat</translation>
    </message>
    <message>
        <source>name at least one field to change, e.g. --email new@example.com</source>
        <translation>sebutkan paling sedikit satu kolom yang diubah, misalnya --email baru@contoh.com</translation>
    </message>
    <message>
        <source>no customer has the phone number %1</source>
        <translation>tidak ada pelanggan dengan nomor telepon %1</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>harus salah satu dari: %1</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD) or an ISO 8601 date-time</source>
        <translation>harus tanggal (TTTT-BB-HH) atau tanggal-waktu ISO 8601</translation>
    </message>
    <message>
        <source>must be one of: name, created, updated</source>
        <translation>harus salah satu dari: name, created, updated</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation>harus bilangan bulat dari 1 sampai %1</translation>
    </message>
    <message>
        <source>unknown user command &quot;%1&quot;; use add or list</source>
        <translation>perintah pengguna &quot;%1&quot; tidak dikenal; gunakan add atau list</translation>
    </message>
    <message>
        <source>unknown product command &quot;%1&quot;; use add, update or list</source>
        <translation>perintah produk &quot;%1&quot; tidak dikenal; gunakan add, update, atau list</translation>
    </message>
    <message>
        <source>give one of --customer ID, --phone P or --walk-in [--name N] [--phone P]</source>
        <translation>berikan salah satu dari --customer ID, --phone P, atau --walk-in [--name N] [--phone P]</translation>
    </message>
    <message>
        <source>write an item as SKU:QUANTITY, e.g. KOPI:2</source>
        <translation>tulis barang sebagai SKU:QUANTITY, misalnya KOPI:2</translation>
    </message>
    <message>
        <source>write a payment as METHOD:AMOUNT with METHOD cash, card, mobile_money, store_credit or points, e.g. cash:50000</source>
        <translation>tulis pembayaran sebagai METHOD:AMOUNT dengan METHOD cash, card, mobile_money, store_credit, atau points, misalnya cash:50000</translation>
    </message>
    <message>
        <source>nobody has the phone %1</source>
        <translation>tidak ada yang memiliki nomor telepon %1</translation>
    </message>
    <message>
        <source>more than one customer&apos;s phone ends in these digits; give more of them or --customer</source>
        <translation>lebih dari satu nomor telepon pelanggan berakhiran digit ini; berikan lebih banyak digit atau --customer</translation>
    </message>
    <message>
        <source>give one of --add, --debit or --limit</source>
        <translation>berikan salah satu dari --add, --debit, atau --limit</translation>
    </message>
    <message>
        <source>must be credit, repayment, carry_over or adjustment</source>
        <translation>harus credit, repayment, carry_over, atau adjustment</translation>
    </message>
    <message>
        <source>unknown rules command &quot;%1&quot;; use show or set</source>
        <translation>perintah aturan &quot;%1&quot; tidak dikenal; gunakan show atau set</translation>
    </message>
    <message>
        <source>name at least one rule to change, e.g. --gold-from 5000000</source>
        <translation>sebutkan paling sedikit satu aturan yang diubah, misalnya --gold-from 5000000</translation>
    </message>
    <message>
        <source>must be a whole number of the currency&apos;s minor unit (15000 for Rp 15.000)</source>
        <translation>harus bilangan bulat dalam satuan terkecil mata uang (15000 untuk Rp 15.000)</translation>
    </message>
    <message>
        <source>--%1 goes only with %2</source>
        <translation>--%1 hanya dapat dipakai bersama %2</translation>
    </message>
    <message>
        <source>a balance, not --history</source>
        <translation>saldo, bukan --history</translation>
    </message>
    <message>
        <source>unknown customer command &quot;%1&quot;; use add, get, find, search, metrics, update, deactivate, reactivate or delete</source>
        <translation>perintah customer &quot;%1&quot; tidak dikenal; gunakan add, get, find, search, metrics, update, deactivate, reactivate, atau delete</translation>
    </message>
    <message>
        <source>must be between 1 and 1000000</source>
        <translation>harus antara 1 dan 1000000</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) of the customers disagree with their sales and ledgers; kasirctl rebuild makes them again</source>
        <translation>
            <numerusform>%n angka pelanggan tidak sesuai dengan penjualan dan buku besarnya; kasirctl rebuild membuatnya ulang</numerusform>
        </translation>
    </message>
    <message>
        <source>must be one of: any, all</source>
        <translation>harus salah satu dari: any, all</translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation>harus antara 1 dan %1</translation>
    </message>
    <message>
        <source>unknown note command &quot;%1&quot;; use add, list or delete</source>
        <translation>perintah note &quot;%1&quot; tidak dikenal; gunakan add, list atau delete</translation>
    </message>
    <message>
        <source>unknown tag command &quot;%1&quot;; use add, remove, popular, list or of</source>
        <translation>perintah tag &quot;%1&quot; tidak dikenal; gunakan add, remove, popular, list atau of</translation>
    </message>
    <message>
        <source>must be between 1 and 1000</source>
        <translation>harus antara 1 dan 1000</translation>
    </message>
    <message>
        <source>name at least one field to change: --label or --primary</source>
        <translation>sebutkan setidaknya satu kolom yang diubah: --label atau --primary</translation>
    </message>
    <message>
        <source>unknown contact command &quot;%1&quot;; use add, list, update or remove</source>
        <translation>perintah contact &quot;%1&quot; tidak dikenal; gunakan add, list, update atau remove</translation>
    </message>
    <message>
        <source>must be a whole number of the currency&apos;s smallest unit</source>
        <translation>harus bilangan bulat dalam satuan terkecil mata uang</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation>harus tanggal (TTTT-BB-HH)</translation>
    </message>
    <message>
        <source>only goes with --json</source>
        <translation>hanya bersama --json</translation>
    </message>
    <message>
        <source>Customers          %1 (active %2, inactive %3, blocked %4)
</source>
        <translation>Pelanggan          %1 (aktif %2, nonaktif %3, diblokir %4)
</translation>
    </message>
    <message>
        <source>By type            walk-in %1, member %2, vip %3, wholesale %4
</source>
        <translation>Menurut jenis      walk-in %1, member %2, vip %3, grosir %4
</translation>
    </message>
    <message>
        <source>By level           %1
</source>
        <translation>Menurut level      %1
</translation>
    </message>
    <message>
        <source>New this month     %1
</source>
        <translation>Baru bulan ini     %1
</translation>
    </message>
    <message>
        <source>Revenue            %1 (average per customer %2, highest %3)
</source>
        <translation>Pendapatan         %1 (rata-rata per pelanggan %2, tertinggi %3)
</translation>
    </message>
    <message>
        <source>Purchases          %1 per customer; %2 customers bought, %3 came back (%4 %)
</source>
        <translation>Pembelian          %1 per pelanggan; %2 pelanggan membeli, %3 kembali lagi (%4 %)
</translation>
    </message>
    <message>
        <source>Frequency          %1
</source>
        <translation>Frekuensi          %1
</translation>
    </message>
    <message numerus="yes">
        <source>Churned            %1 (no purchase in %n day(s))
</source>
        <translation>
            <numerusform>Berhenti           %1 (tidak membeli dalam %n hari)
</numerusform>
        </translation>
    </message>
    <message>
        <source>Debt               %1 owed by %2 customers
</source>
        <translation>Utang              %1 dari %2 pelanggan
</translation>
    </message>
    <message>
        <source>Store credit       %1 held by %2 customers
</source>
        <translation>Saldo toko         %1 dimiliki %2 pelanggan
</translation>
    </message>
    <message>
        <source>Points             %1 outstanding
</source>
        <translation>Poin               %1 beredar
</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>harus salah satu dari %1</translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation>minimal 1</translation>
    </message>
    <message>
        <source>does not apply to bulk, which changes every customer the filters select</source>
        <translation>tidak berlaku untuk bulk, yang mengubah setiap pelanggan yang dipilih saringan</translation>
    </message>
    <message>
        <source>is given more than once; one value at a time</source>
        <translation>diberikan lebih dari sekali; satu nilai saja</translation>
    </message>
    <message>
        <source>name one action: --set-type, --set-status, --add-tag, --remove-tag or --membership</source>
        <translation>sebutkan satu tindakan: --set-type, --set-status, --add-tag, --remove-tag atau --membership</translation>
    </message>
    <message>
        <source>must be on or off</source>
        <translation>harus on atau off</translation>
    </message>
    <message>
        <source>must name at least one customer by id or code, separated by commas</source>
        <translation>harus menyebut minimal satu pelanggan dengan id atau kode, dipisah koma</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) could not be changed; the summary says why</source>
        <translation>
            <numerusform>%n pelanggan tidak dapat diubah; ringkasan menyebutkan alasannya</numerusform>
        </translation>
    </message>
    <message>
        <source>privacy needs a verb: export, anonymise or delete</source>
        <translation>privacy membutuhkan perintah: export, anonymise atau delete</translation>
    </message>
    <message>
        <source>needs a file name</source>
        <translation>membutuhkan nama berkas</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file</source>
        <translation>%1 sudah ada; pilih berkas lain</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>tidak dapat menulis %1: %2</translation>
    </message>
    <message>
        <source>anonymising %1 (%2) erases their personal data for good; run again with --yes</source>
        <translation>menganonimkan %1 (%2) menghapus data pribadinya untuk selamanya; jalankan lagi dengan --yes</translation>
    </message>
    <message>
        <source>unknown privacy command &quot;%1&quot;; use export, anonymise or delete</source>
        <translation>perintah privacy tidak dikenal &quot;%1&quot;; gunakan export, anonymise atau delete</translation>
    </message>
    <message>
        <source>cannot go with --%1: one action at a time</source>
        <translation>tidak bisa bersama --%1: satu tindakan sekali jalan</translation>
    </message>
    <message>
        <source>cannot go with --%1: name the customers or filter them, not both</source>
        <translation>tidak bisa bersama --%1: sebutkan pelanggannya atau saring mereka, jangan keduanya</translation>
    </message>
    <message>
        <source>Usage: kasirctl [--db FILE] [--user NAME [--password-stdin]] COMMAND [options]
       kasirctl --help | --version

Commands:
  init --company NAME [--region ID] [--currency IDR] [--store NAME] [--terminal NAME]
       [--admin-user admin] [--admin-password PW]   set up this database as a terminal
  customer add --name NAME [--phone P] [field options]   register a customer
  customer get ID|CODE                                   show one customer
  customer find PHONE                                    find by phone, any written form
  customer search [--q TEXT] [--type T] [--status S] [--level L]
       [--created-from DATE] [--created-to DATE] [--sort name|created|updated] [--desc]
       [--tag NAME ...] [--tags-match any|all]           customers with any (or all) of the tags
       [--balance credit|debt|zero] [--credit-min N] [--credit-max N]   store credit (debt &lt; 0)
       [--member true|false]                             membership active (member or vip)
       [--last-visit-from DATE] [--last-visit-to DATE]   last purchase, UTC days, inclusive
       [--spent-min N] [--spent-max N]                   total spent; amounts in the smallest unit
       [--frequency none|one_time|occasional|regular|frequent ...]   any of these
       [--has-sales true|false]
       [--segment NAME[,NAME...]]                        RFM segment, any of: champions, loyal,
                                                         potential, new, at_risk, hibernating,
                                                         lost, none (not ranked)
       [--limit N] [--after CURSOR] [--page-info]        one customer per line
  customer update ID|CODE [field options]                change fields (&quot;&quot; clears)
  customer deactivate|reactivate|delete ID|CODE
  customer metrics ID|CODE                               purchases, spending, frequency, balances,
                                                         monthly spending and top products
  note add ID|CODE --kind K --text T                     K: personal, preference, issue, feedback
  note list ID|CODE [--limit N] [--before NOTE]          newest first; a last line {&quot;next&quot;} when
                                                         more follow (pass it as --before)
  note delete NOTE                                       by its author, a manager or an admin
  tag add ID|CODE NAME [--color #rrggbb]                 tag a customer (a new tag: managers only)
  tag remove ID|CODE NAME                                take the tag off
  tag popular [--limit N]                                tags with their customer counts
  tag list | tag of ID|CODE                              every tag, or one customer&apos;s
  contact add ID|CODE --kind whatsapp|email|phone --value V [--label L] [--primary]
                                                         another contact; the first of a kind is
                                                         the primary one, --primary moves the mark
  contact list ID|CODE                                   the customer&apos;s contacts, primary first
  contact update CONTACT_ID [--label L] [--primary]      relabel, or make it the primary one
  contact remove CONTACT_ID
  prefs ID|CODE                                          preferences, consent, favourite products
  prefs ID|CODE [--preferred-payment cash|card|mobile_money|store_credit]
       [--best-contact-time morning|afternoon|evening|anytime] [--offers true|false]
       [--loyalty true|false] [--do-not-contact true|false]   change them (&quot;&quot; clears a choice)
  privacy export ID|CODE [--out FILE]                    everything stored about the customer as one
                                                         JSON document (managers; recorded)
  privacy anonymise ID|CODE --reason R --yes             erase their personal data, keep sales,
                                                         ledgers and figures (admins; for good)
  privacy delete ID|CODE [--reason R]                    delete a customer without sales or ledger
                                                         entries, with their personal data (admins)
  bulk [search filters | --ids ID,CODE,...]              one change to every customer selected by
       --set-type T | --set-status S | --add-tag NAME    customer search&apos;s filters, or named;
       | --remove-tag NAME | --membership on|off         exactly one action, each change audited;
       [--dry-run] [--progress]                          prints a summary; --dry-run only counts
                                                         (managers and admins)
  segment ID|CODE                                        RFM scores (recency, frequency, monetary,
                                                         1-5 by quintile) and segment of a customer
  segment recompute                                      rank every customer again (managers): the
                                                         customers per segment and the time taken
  segment counts                                         customers per segment (none: not ranked)
  user add --username U --role admin|manager|cashier [--display-name N]
       (the new password from $KASIR_NEW_PASSWORD, else on stdin)
  user list
  product add --sku SKU --name NAME --price AMOUNT         add to the catalogue
  product update SKU [--name N] [--price AMOUNT] [--active true|false]
  product list [--all]                                    one product per line
  sale --customer ID|CODE | --phone P | --walk-in [--name N] [--phone P]
       --item SKU:QTY [--item ...] --pay METHOD:AMOUNT [--pay ...] [--override REASON]
                                                         complete a sale; METHOD is cash, card,
                                                         mobile_money, store_credit or points
  refund ORDER --reason R                                refund a whole sale
  points ID|CODE [--history] [--adjust N --reason R]     points balance, entries, adjustment
  points expire [--as-of DATE]                           take away every customer&apos;s points older than
                                                         the rules&apos; --points-expire-days (0: never)
  credit ID|CODE [--add N [--kind K] | --debit N [--override R]] --reason R [--reference X]
  credit ID|CODE --limit N                               the most debt allowed (0: none)
  credit history ID|CODE                                 store-credit entries with balances
  activity ID|CODE [--limit N] [--before ID]             who changed what about a customer, newest
                                                         first (managers)
  walk-ins PHONE                                         anonymous sales that noted this phone
  link ID|CODE [--order ORDER ...]                       count those walk-in sales (all, or the
                                                         orders named) towards the customer
  rebuild                                                make every customer&apos;s figures again
                                                         from sales and ledgers
  check [--limit N]                                      compare the figures with the facts
                                                         (exit 1 and one line per difference)
  stats [--churn-days N] [--json [--limit N]]            the dashboard: customers, revenue, debt,
                                                         frequencies, churn (N days, 90); --json
                                                         adds top, recent customers and 12 months
  top [--by revenue|sales|balance] [--limit N]           the best customers by that figure
  repeat [--min N] [--limit N] [--after CURSOR]          customers with N purchases or more (2),
                                                         most first; a last line {&quot;next&quot;} when
                                                         more follow (pass it as --after)
  rules show | rules set [--silver-from N] [--gold-discount BP] [--tiers-can-drop true|false]
       [--points-expire-days DAYS] ...                   new thresholds place every customer again
  demo --customers N [--seed S] [--progress]             add realistic demo customers (one write:
                                                         all or none; --progress reports on stderr;
                                                         an empty file first gets a demo company with
                                                         the logins admin, manager and kasir)
  sync enrol --server URL --code CODE                    make this empty database a terminal of the
                                                         server&apos;s company, and download it
  sync --once                                            push the changes made here, pull the
                                                         others&apos;; prints what moved
  sync [--interval SECONDS]                              keep syncing: after each change, every
                                                         SECONDS (60), and retrying with backoff
  sync status                                            server, pending changes, last sync

Field options: --name --phone --whatsapp --email --address --city --province --postal-code
  --type walk-in|member|vip|wholesale --status active|inactive|blocked
  --level Bronze|Silver|Gold|Platinum --discount-override PERCENT --birth-date YYYY-MM-DD
  --gender male|female|other --notes TEXT
  --prefer-sms --prefer-email --prefer-call --prefer-whatsapp --do-not-contact true|false

The database is --db, else $KASIR_DB, else the per-user data folder.
The password of --user is read from stdin with --password-stdin, else from $KASIR_PASSWORD.
Output is JSON; errors go to stderr as {&quot;error&quot;, &quot;code&quot;, &quot;field&quot;}.
Amounts are whole numbers of the currency&apos;s minor unit (15000 for Rp 15.000).
Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 conflict, 5 permission denied.
</source>
        <translation>Pemakaian: kasirctl [--db BERKAS] [--user NAMA [--password-stdin]] PERINTAH [opsi]
       kasirctl --help | --version

Perintah:
  init --company NAMA [--region ID] [--currency IDR] [--store NAMA] [--terminal NAMA]
       [--admin-user admin] [--admin-password SANDI]   siapkan basis data ini sebagai terminal
  customer add --name NAMA [--phone P] [opsi kolom]      daftarkan pelanggan
  customer get ID|KODE                                   tampilkan satu pelanggan
  customer find TELEPON                                  cari lewat telepon, dalam bentuk tulisan apa pun
  customer search [--q TEKS] [--type J] [--status S] [--level L]
       [--created-from TGL] [--created-to TGL] [--sort name|created|updated] [--desc]
       [--tag NAMA ...] [--tags-match any|all]           pelanggan dengan salah satu (atau semua) tag
       [--balance credit|debt|zero] [--credit-min N] [--credit-max N]   kredit toko (utang &lt; 0)
       [--member true|false]                             keanggotaan aktif (member atau vip)
       [--last-visit-from TGL] [--last-visit-to TGL]     pembelian terakhir, hari UTC, inklusif
       [--spent-min N] [--spent-max N]                   total belanja; nominal dalam satuan terkecil
       [--frequency none|one_time|occasional|regular|frequent ...]   salah satu dari ini
       [--has-sales true|false]
       [--segment NAMA[,NAMA...]]                        segmen RFM, salah satu dari: champions,
                                                         loyal, potential, new, at_risk,
                                                         hibernating, lost, none (belum diperingkat)
       [--limit N] [--after PENANDA] [--page-info]       satu pelanggan per baris
  customer update ID|KODE [opsi kolom]                   ubah kolom (&quot;&quot; mengosongkan)
  customer deactivate|reactivate|delete ID|KODE
  customer metrics ID|KODE                               pembelian, belanja, frekuensi, saldo,
                                                         belanja bulanan dan produk teratas
  note add ID|KODE --kind K --text T                     K: personal, preference, issue, feedback
  note list ID|KODE [--limit N] [--before CATATAN]       terbaru dulu; baris terakhir {&quot;next&quot;} jika
                                                         masih ada (berikan sebagai --before)
  note delete CATATAN                                    oleh penulisnya, manajer, atau admin
  tag add ID|KODE NAMA [--color #rrggbb]                 beri tag pada pelanggan (tag baru: hanya manajer)
  tag remove ID|KODE NAMA                                lepas tag
  tag popular [--limit N]                                tag beserta jumlah pelanggannya
  tag list | tag of ID|KODE                              semua tag, atau tag satu pelanggan
  contact add ID|KODE --kind whatsapp|email|phone --value V [--label L] [--primary]
                                                         kontak tambahan; yang pertama dari satu jenis
                                                         menjadi utama, --primary memindahkan tandanya
  contact list ID|KODE                                   kontak pelanggan, yang utama lebih dulu
  contact update ID_KONTAK [--label L] [--primary]       ganti label, atau jadikan kontak utama
  contact remove ID_KONTAK
  prefs ID|KODE                                          preferensi, persetujuan, produk favorit
  prefs ID|KODE [--preferred-payment cash|card|mobile_money|store_credit]
       [--best-contact-time morning|afternoon|evening|anytime] [--offers true|false]
       [--loyalty true|false] [--do-not-contact true|false]   ubah preferensi (&quot;&quot; mengosongkan pilihan)
  privacy export ID|KODE [--out BERKAS]                  semua yang tersimpan tentang pelanggan
                                                         sebagai satu dokumen JSON (manajer; dicatat)
  privacy anonymise ID|KODE --reason R --yes             hapus data pribadinya, simpan penjualan,
                                                         buku besar dan angka (admin; permanen)
  privacy delete ID|KODE [--reason R]                    hapus pelanggan tanpa penjualan atau catatan
                                                         buku besar, beserta data pribadinya (admin)
  bulk [saringan search | --ids ID,KODE,...]             satu perubahan untuk setiap pelanggan yang
       --set-type J | --set-status S | --add-tag NAMA    dipilih saringan customer search, atau
       | --remove-tag NAMA | --membership on|off         disebut; tepat satu tindakan, tiap perubahan
       [--dry-run] [--progress]                          diaudit; mencetak ringkasan; --dry-run hanya
                                                         menghitung (manajer dan admin)
  segment ID|KODE                                        skor RFM (kebaruan, frekuensi, nilai belanja,
                                                         1-5 per kuintil) dan segmen seorang pelanggan
  segment recompute                                      peringkat ulang semua pelanggan (manajer):
                                                         pelanggan per segmen dan waktu yang dipakai
  segment counts                                         pelanggan per segmen (none: belum diperingkat)
  user add --username U --role admin|manager|cashier [--display-name N]
       (sandi baru dari $KASIR_NEW_PASSWORD, atau lewat stdin)
  user list
  product add --sku SKU --name NAMA --price JUMLAH       tambahkan ke katalog
  product update SKU [--name N] [--price JUMLAH] [--active true|false]
  product list [--all]                                   satu produk per baris
  sale --customer ID|KODE | --phone P | --walk-in [--name N] [--phone P]
       --item SKU:QTY [--item ...] --pay METHOD:AMOUNT [--pay ...] [--override ALASAN]
                                                         selesaikan penjualan; METHOD adalah cash, card,
                                                         mobile_money, store_credit, atau points
  refund PESANAN --reason R                              kembalikan dana seluruh penjualan
  points ID|KODE [--history] [--adjust N --reason R]     saldo poin, catatan, penyesuaian
  points expire [--as-of TGL]                            hanguskan poin setiap pelanggan yang lebih tua dari
                                                         --points-expire-days dalam aturan (0: tidak pernah)
  credit ID|KODE [--add N [--kind K] | --debit N [--override R]] --reason R [--reference X]
  credit ID|KODE --limit N                               utang maksimal yang diizinkan (0: tidak ada)
  credit history ID|KODE                                 catatan kredit toko beserta saldonya
  activity ID|KODE [--limit N] [--before ID]             siapa mengubah apa pada pelanggan, terbaru
                                                         dulu (manajer)
  walk-ins TELEPON                                       penjualan tanpa akun yang mencatat telepon ini
  link ID|KODE [--order PESANAN ...]                     hitung penjualan tanpa akun itu (semua, atau
                                                         pesanan yang disebut) untuk pelanggan
  rebuild                                                buat ulang angka setiap pelanggan dari
                                                         penjualan dan buku besar
  check [--limit N]                                      bandingkan angka dengan faktanya
                                                         (keluar 1 dan satu baris per perbedaan)
  stats [--churn-days N] [--json [--limit N]]            dasbor: pelanggan, pendapatan, utang,
                                                         frekuensi, berhenti (N hari, 90); --json
                                                         menambah pelanggan teratas, terbaru dan 12 bulan
  top [--by revenue|sales|balance] [--limit N]           pelanggan terbaik menurut angka itu
  repeat [--min N] [--limit N] [--after PENANDA]         pelanggan dengan N pembelian atau lebih (2),
                                                         terbanyak dulu; baris terakhir {&quot;next&quot;} bila
                                                         masih ada (berikan sebagai --after)
  rules show | rules set [--silver-from N] [--gold-discount BP] [--tiers-can-drop true|false]
       [--points-expire-days HARI] ...                   ambang baru menempatkan ulang setiap pelanggan
  demo --customers N [--seed S] [--progress]             tambahkan pelanggan demo yang realistis (satu
                                                         penulisan: semua atau tidak sama sekali; --progress
                                                         melapor di stderr; berkas kosong lebih dulu
                                                         mendapat perusahaan demo dengan login admin,
                                                         manager dan kasir)
  sync enrol --server URL --code KODE                    jadikan basis data kosong ini terminal dari
                                                         perusahaan di server, lalu unduh datanya
  sync --once                                            kirim perubahan di sini, tarik perubahan
                                                         terminal lain; mencetak apa yang berpindah
  sync [--interval DETIK]                                terus menyinkronkan: setelah tiap perubahan,
                                                         tiap DETIK (60), dan mencoba lagi dengan jeda
  sync status                                            server, perubahan yang menunggu, sinkron terakhir

Opsi kolom: --name --phone --whatsapp --email --address --city --province --postal-code
  --type walk-in|member|vip|wholesale --status active|inactive|blocked
  --level Bronze|Silver|Gold|Platinum --discount-override PERSEN --birth-date TTTT-BB-HH
  --gender male|female|other --notes TEKS
  --prefer-sms --prefer-email --prefer-call --prefer-whatsapp --do-not-contact true|false

Basis data: --db, jika tidak ada $KASIR_DB, jika tidak ada folder data pengguna.
Sandi untuk --user dibaca dari stdin dengan --password-stdin, atau dari $KASIR_PASSWORD.
Keluaran berupa JSON; galat ke stderr sebagai {&quot;error&quot;, &quot;code&quot;, &quot;field&quot;}.
Nominal uang ditulis sebagai bilangan bulat dalam satuan terkecil mata uang (15000 untuk Rp 15.000).
Kode keluar: 0 berhasil, 1 galat lain, 2 masukan tidak valid, 3 tidak ditemukan, 4 konflik, 5 tidak diizinkan.
</translation>
    </message>
    <message>
        <source>sync takes enrol, status, or nothing (a sync cycle)</source>
        <translation>sync menerima enrol, status, atau tanpa apa-apa (satu putaran sinkron)</translation>
    </message>
    <message>
        <source>must be a whole number of seconds from 1 to 86400</source>
        <translation>harus bilangan bulat detik dari 1 sampai 86400</translation>
    </message>
</context>
<context>
    <name>kasir::LedgerRepository</name>
    <message>
        <source>would take the points balance past the largest number that can be stored</source>
        <translation>akan membuat saldo poin melebihi angka terbesar yang dapat disimpan</translation>
    </message>
    <message>
        <source>would take the store-credit balance past the largest number that can be stored</source>
        <translation>akan membuat saldo kredit toko melebihi angka terbesar yang dapat disimpan</translation>
    </message>
</context>
<context>
    <name>kasir::LedgerService</name>
    <message>
        <source>must be more than 0</source>
        <translation>harus lebih dari 0</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>paling banyak %1</translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation>mencari pelanggan</translation>
    </message>
    <message>
        <source>adjust points or store credit</source>
        <translation>menyesuaikan poin atau kredit toko</translation>
    </message>
    <message>
        <source>must not be 0</source>
        <translation>tidak boleh 0</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>harus antara %1 dan %2</translation>
    </message>
    <message>
        <source>would take the points balance past %1</source>
        <translation>akan membuat saldo poin melebihi %1</translation>
    </message>
    <message>
        <source>would take the points balance below 0; %1 (%2) has %3 points</source>
        <translation>akan membuat saldo poin di bawah 0; %1 (%2) memiliki %3 poin</translation>
    </message>
    <message>
        <source>must be one of %1, %2, %3 or %4; &quot;%5&quot; does not add store credit</source>
        <translation>harus salah satu dari %1, %2, %3, atau %4; &quot;%5&quot; tidak menambah kredit toko</translation>
    </message>
    <message>
        <source>would take the store-credit balance past %1</source>
        <translation>akan membuat saldo kredit toko melebihi %1</translation>
    </message>
    <message>
        <source>would take the store-credit balance past -%1</source>
        <translation>akan membuat saldo kredit toko di bawah -%1</translation>
    </message>
    <message>
        <source>go past a customer&apos;s credit limit</source>
        <translation>melewati batas kredit pelanggan</translation>
    </message>
    <message>
        <source>set credit limits</source>
        <translation>menetapkan batas kredit</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>tidak boleh negatif</translation>
    </message>
    <message>
        <source>expire points</source>
        <translation>menghanguskan poin</translation>
    </message>
    <message>
        <source>must not be later than now (%1)</source>
        <translation>tidak boleh lebih lambat dari sekarang (%1)</translation>
    </message>
    <message>
        <source>points added before %1 expired</source>
        <translation>poin yang ditambahkan sebelum %1 hangus</translation>
    </message>
</context>
<context>
    <name>kasir::LoginDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Masuk ke %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Pesan saat masuk</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Ketik nama pengguna Anda.</translation>
    </message>
    <message>
        <source>The username or the password is wrong. Try again, or ask a manager.</source>
        <translation>Nama pengguna atau kata sandi salah. Coba lagi, atau tanyakan ke manajer.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Gagal masuk: %1</translation>
    </message>
</context>
<context>
    <name>kasir::LongTask</name>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Mohon tunggu</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Batalkan %1</translation>
    </message>
    <message>
        <source>Stopping; undoing what was done…</source>
        <translation>Menghentikan; membatalkan yang sudah dikerjakan…</translation>
    </message>
    <message>
        <source>The work ended without a result.</source>
        <translation>Pekerjaan berakhir tanpa hasil.</translation>
    </message>
</context>
<context>
    <name>kasir::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Halaman</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Offline: no server set up</source>
        <translation>Luring: server belum disiapkan</translation>
    </message>
    <message>
        <source>This terminal works on its own data; changes are kept until a server is set up</source>
        <translation>Terminal ini bekerja dengan datanya sendiri; perubahan disimpan sampai server disiapkan</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Sinkronisasi terakhir: belum pernah</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Pintasan Keyboard</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Buka %1</translation>
    </message>
    <message>
        <source>Changes waiting to sync: unknown</source>
        <translation>Perubahan yang menunggu sinkronisasi: tidak diketahui</translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Tidak ada yang menunggu sinkronisasi</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln perubahan menunggu sinkronisasi</numerusform>
        </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Sinkron terakhir: %1</translation>
    </message>
</context>
<context>
    <name>kasir::MembershipRules</name>
    <message>
        <source>must not be negative</source>
        <translation>tidak boleh negatif</translation>
    </message>
    <message>
        <source>must be at least the Silver threshold (%1)</source>
        <translation>harus paling sedikit sebesar ambang Perak (%1)</translation>
    </message>
    <message>
        <source>must be at least the Gold threshold (%1)</source>
        <translation>harus paling sedikit sebesar ambang Emas (%1)</translation>
    </message>
    <message>
        <source>must be between 0 % and 100 %</source>
        <translation>harus antara 0 % dan 100 %</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>harus lebih dari 0</translation>
    </message>
    <message>
        <source>must be between 0 and %1 days (0: points never expire)</source>
        <translation>harus antara 0 dan %1 hari (0: poin tidak pernah hangus)</translation>
    </message>
</context>
<context>
    <name>kasir::MembershipService</name>
    <message>
        <source>must be between 0 and 10000 basis points (0 % to 100 %)</source>
        <translation>harus antara 0 dan 10000 basis poin (0 % sampai 100 %)</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>harus true atau false</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>harus bilangan bulat</translation>
    </message>
    <message>
        <source>is far too large</source>
        <translation>jauh terlalu besar</translation>
    </message>
    <message>
        <source>is not a membership rule</source>
        <translation>bukan aturan keanggotaan</translation>
    </message>
    <message>
        <source>look up the membership rules</source>
        <translation>melihat aturan keanggotaan</translation>
    </message>
    <message>
        <source>change the membership rules</source>
        <translation>mengubah aturan keanggotaan</translation>
    </message>
    <message>
        <source>membership rules changed</source>
        <translation>aturan keanggotaan diubah</translation>
    </message>
    <message>
        <source>customer %1 does not exist</source>
        <translation>pelanggan %1 tidak ada</translation>
    </message>
</context>
<context>
    <name>kasir::MetricsRepository</name>
    <message>
        <source>figures are compared outside a write</source>
        <translation>angka dibandingkan di luar penulisan</translation>
    </message>
</context>
<context>
    <name>kasir::MetricsService</name>
    <message>
        <source>rebuild customer figures</source>
        <translation>membangun ulang angka pelanggan</translation>
    </message>
    <message>
        <source>check customer figures</source>
        <translation>memeriksa angka pelanggan</translation>
    </message>
</context>
<context>
    <name>kasir::NoteRepository</name>
    <message>
        <source>no note %1</source>
        <translation>tidak ada catatan %1</translation>
    </message>
</context>
<context>
    <name>kasir::NoteService</name>
    <message>
        <source>add notes</source>
        <translation>menambahkan catatan</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>harus salah satu dari: %1</translation>
    </message>
    <message>
        <source>must not contain control characters other than line breaks and tabs</source>
        <translation>tidak boleh berisi karakter kontrol selain baris baru dan tab</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>read notes</source>
        <translation>membaca catatan</translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation>harus antara 1 dan %1</translation>
    </message>
    <message>
        <source>is not a note of this customer; start again from the first page</source>
        <translation>bukan catatan pelanggan ini; mulai lagi dari halaman pertama</translation>
    </message>
    <message>
        <source>delete notes</source>
        <translation>menghapus catatan</translation>
    </message>
    <message>
        <source>is not a note id</source>
        <translation>bukan id catatan</translation>
    </message>
    <message>
        <source>no note %1</source>
        <translation>tidak ada catatan %1</translation>
    </message>
    <message>
        <source>a %1 may delete only their own notes</source>
        <translation>%1 hanya boleh menghapus catatannya sendiri</translation>
    </message>
</context>
<context>
    <name>kasir::PreferenceService</name>
    <message>
        <source>change customers&apos; preferences</source>
        <translation>mengubah preferensi pelanggan</translation>
    </message>
    <message>
        <source>must be one of: %1 (or empty to clear)</source>
        <translation>harus salah satu dari: %1 (atau kosong untuk mengosongkan)</translation>
    </message>
</context>
<context>
    <name>kasir::PrivacyRepository</name>
    <message>
        <source>no note %1</source>
        <translation>tidak ada catatan %1</translation>
    </message>
</context>
<context>
    <name>kasir::PrivacyService</name>
    <message>
        <source>anonymise customers</source>
        <translation>menganonimkan pelanggan</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>penjualan</translation>
    </message>
    <message>
        <source>linked walk-in sales</source>
        <translation>penjualan walk-in yang ditautkan</translation>
    </message>
    <message>
        <source>points entries</source>
        <translation>catatan poin</translation>
    </message>
    <message>
        <source>store-credit entries</source>
        <translation>catatan saldo toko</translation>
    </message>
    <message>
        <source>tier history</source>
        <translation>riwayat tingkat</translation>
    </message>
    <message>
        <source>%1 was anonymised on %2: personal data is not added to them again</source>
        <translation>%1 dianonimkan pada %2: data pribadi tidak ditambahkan lagi</translation>
    </message>
    <message>
        <source>%1 was already anonymised on %2</source>
        <translation>%1 sudah dianonimkan pada %2</translation>
    </message>
    <message>
        <source>Anonymised %1</source>
        <comment>the name an anonymised customer keeps; %1 is their code</comment>
        <translation>Anonim %1</translation>
    </message>
    <message>
        <source>delete customers</source>
        <translation>menghapus pelanggan</translation>
    </message>
    <message>
        <source>%1 (%2) has %3 and cannot be deleted: the figures and ledgers must stay. Anonymise the customer to erase their personal data, or deactivate the customer instead</source>
        <translation>%1 (%2) memiliki %3 dan tidak dapat dihapus: angka dan buku besarnya harus tetap ada. Anonimkan pelanggan untuk menghapus data pribadinya, atau nonaktifkan pelanggan</translation>
    </message>
    <message>
        <source>export customers&apos; data</source>
        <translation>mengekspor data pelanggan</translation>
    </message>
    <message>
        <source>company %1 does not exist</source>
        <translation>perusahaan %1 tidak ada</translation>
    </message>
    <message>
        <source>must not repeat the customer&apos;s name, phone numbers, email, address or other contacts: the reason is kept after their personal data is erased</source>
        <translation>tidak boleh mengulang nama, nomor telepon, email, alamat atau kontak lain pelanggan: alasan tetap disimpan setelah data pribadinya dihapus</translation>
    </message>
    <message>
        <source>the erased values may stay in the database&apos;s write-ahead log until every program using the database has closed it: %1</source>
        <translation>nilai yang dihapus mungkin tetap ada di log tulis-depan basis data sampai setiap program yang memakainya menutupnya: %1</translation>
    </message>
    <message>
        <source>another program is using the database: the erased values stay in its write-ahead log until every program using the database has closed it</source>
        <translation>program lain sedang memakai basis data: nilai yang dihapus tetap ada di log tulis-depannya sampai setiap program yang memakainya menutupnya</translation>
    </message>
</context>
<context>
    <name>kasir::ProductRepository</name>
    <message>
        <source>product %1 does not exist</source>
        <translation>produk %1 tidak ada</translation>
    </message>
</context>
<context>
    <name>kasir::ProductService</name>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>must not contain spaces or control characters</source>
        <translation>tidak boleh berisi spasi atau karakter kontrol</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>tidak boleh berisi karakter kontrol atau baris baru</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>tidak boleh negatif</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>paling banyak %1</translation>
    </message>
    <message>
        <source>%1 is already the SKU of %2</source>
        <translation>%1 sudah menjadi SKU %2</translation>
    </message>
    <message>
        <source>%1 is already the SKU of another product</source>
        <translation>%1 sudah menjadi SKU produk lain</translation>
    </message>
    <message>
        <source>add products</source>
        <translation>menambah produk</translation>
    </message>
    <message>
        <source>change products</source>
        <translation>mengubah produk</translation>
    </message>
    <message>
        <source>look up products</source>
        <translation>mencari produk</translation>
    </message>
    <message>
        <source>no product with SKU %1</source>
        <translation>tidak ada produk dengan SKU %1</translation>
    </message>
</context>
<context>
    <name>kasir::ReadSnapshot</name>
    <message>
        <source>the database is busy or unreadable: %1</source>
        <translation>basis data sedang sibuk atau tidak terbaca: %1</translation>
    </message>
</context>
<context>
    <name>kasir::RepeatFrequencies</name>
    <message>
        <source>No purchase</source>
        <translation>Belum membeli</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>Sekali</translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation>Sesekali</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Rutin</translation>
    </message>
    <message>
        <source>Frequent</source>
        <translation>Sering</translation>
    </message>
</context>
<context>
    <name>kasir::RestApi</name>
    <message>
        <source>%1 does not take this method</source>
        <translation>%1 tidak menerima metode ini</translation>
    </message>
    <message>
        <source>is larger than %1 KB</source>
        <translation>lebih besar dari %1 KB</translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at byte %2)</source>
        <translation>bukan JSON yang valid (%1 pada bita %2)</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>harus berupa objek JSON</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation>harus bilangan bulat dari 1 sampai %1</translation>
    </message>
    <message>
        <source>there is no customer %1</source>
        <translation>tidak ada pelanggan %1</translation>
    </message>
    <message>
        <source>%1 was anonymised on %2: personal data is not added to them again</source>
        <translation>%1 dianonimkan pada %2: data pribadi tidak ditambahkan lagi</translation>
    </message>
    <message>
        <source>must not contain NUL characters</source>
        <translation>tidak boleh berisi karakter NUL</translation>
    </message>
    <message>
        <source>send an API key as &quot;Authorization: Bearer KEY&quot;</source>
        <translation>kirim kunci API sebagai &quot;Authorization: Bearer KUNCI&quot;</translation>
    </message>
    <message>
        <source>the API key&apos;s company is gone</source>
        <translation>perusahaan pemilik kunci API sudah tidak ada</translation>
    </message>
    <message>
        <source>there is nothing at %1</source>
        <translation>tidak ada apa pun di %1</translation>
    </message>
    <message>
        <source>the OpenAPI document is missing</source>
        <translation>dokumen OpenAPI tidak ada</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>harus berupa teks</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>harus true atau false</translation>
    </message>
    <message>
        <source>is not a customer field</source>
        <translation>bukan kolom pelanggan</translation>
    </message>
    <message>
        <source>%1 is already the phone number of %2 (%3)</source>
        <translation>%1 sudah menjadi nomor telepon %2 (%3)</translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (%3)</source>
        <translation>%1 sudah menjadi alamat email %2 (%3)</translation>
    </message>
    <message>
        <source>read customers</source>
        <translation>membaca pelanggan</translation>
    </message>
    <message>
        <source>must be at most 200 characters</source>
        <translation>paling banyak 200 karakter</translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation>harus salah satu dari: %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>no customer has the phone number %1</source>
        <translation>tidak ada pelanggan dengan nomor telepon %1</translation>
    </message>
    <message>
        <source>register customers</source>
        <translation>mendaftarkan pelanggan</translation>
    </message>
    <message>
        <source>change customers</source>
        <translation>mengubah pelanggan</translation>
    </message>
    <message>
        <source>a %1 may not change a customer&apos;s status</source>
        <translation>%1 tidak boleh mengubah status pelanggan</translation>
    </message>
    <message>
        <source>deactivate customers</source>
        <translation>menonaktifkan pelanggan</translation>
    </message>
    <message>
        <source>read notes</source>
        <translation>membaca catatan</translation>
    </message>
    <message>
        <source>add notes</source>
        <translation>menambah catatan</translation>
    </message>
    <message>
        <source>must not contain control characters other than line breaks and tabs</source>
        <translation>tidak boleh berisi karakter kendali selain baris baru dan tab</translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation>paling banyak %1 karakter</translation>
    </message>
    <message>
        <source>is not a note field</source>
        <translation>bukan kolom catatan</translation>
    </message>
    <message>
        <source>read balances</source>
        <translation>membaca saldo</translation>
    </message>
    <message>
        <source>read purchases</source>
        <translation>membaca pembelian</translation>
    </message>
    <message>
        <source>read the company&apos;s figures</source>
        <translation>membaca angka perusahaan</translation>
    </message>
</context>
<context>
    <name>kasir::Rfm</name>
    <message>
        <source>Champions</source>
        <translation>Juara</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>Setia</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>Potensial</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Berisiko</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>Tidur</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>Not ranked</source>
        <translation>Belum diperingkat</translation>
    </message>
    <message>
        <source>Bought recently, buy often and spend the most</source>
        <translation>Baru saja membeli, sering membeli dan belanja paling banyak</translation>
    </message>
    <message>
        <source>Buy regularly and spend well</source>
        <translation>Membeli dengan rutin dan belanja cukup banyak</translation>
    </message>
    <message>
        <source>Bought recently; could buy more often or spend more</source>
        <translation>Baru saja membeli; bisa lebih sering membeli atau belanja lebih banyak</translation>
    </message>
    <message>
        <source>Bought recently, but only once or twice so far</source>
        <translation>Baru saja membeli, tetapi baru sekali atau dua kali</translation>
    </message>
    <message>
        <source>Used to buy often or spend well, but not for a while</source>
        <translation>Dulu sering membeli atau belanja banyak, tetapi sudah lama tidak</translation>
    </message>
    <message>
        <source>Last bought a while ago, seldom and little</source>
        <translation>Terakhir membeli agak lama lalu, jarang dan sedikit</translation>
    </message>
    <message>
        <source>Last bought long ago, seldom and little</source>
        <translation>Terakhir membeli lama sekali, jarang dan sedikit</translation>
    </message>
    <message>
        <source>No purchase yet, or not ranked yet</source>
        <translation>Belum ada pembelian, atau belum diperingkat</translation>
    </message>
</context>
<context>
    <name>kasir::RfmRepository</name>
    <message>
        <source>Stopped before the end: the last ranking stays.</source>
        <translation>Dihentikan sebelum selesai: peringkat terakhir tetap berlaku.</translation>
    </message>
</context>
<context>
    <name>kasir::RfmService</name>
    <message>
        <source>rank the customers again</source>
        <translation>memperingkat ulang pelanggan</translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation>mencari pelanggan</translation>
    </message>
</context>
<context>
    <name>kasir::Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>a %1 may not %2</source>
        <translation>seorang %1 tidak boleh %2</translation>
    </message>
</context>
<context>
    <name>kasir::SaleReceipt</name>
    <message>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation>Dompet digital</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Kredit toko</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Poin</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Transaksi %1</translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation>Pelanggan umum</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Pelanggan: %1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discount (%1 %)</source>
        <translation>Diskon (%1 %)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation>Poin (%1)</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Tunai diterima</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <source>Points earned: %1</source>
        <translation>Poin didapat: %1</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Terima kasih!</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Struk %1</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
</context>
<context>
    <name>kasir::SaleRepository</name>
    <message>
        <source>no sale %1</source>
        <translation>tidak ada penjualan %1</translation>
    </message>
</context>
<context>
    <name>kasir::ServerProjection</name>
    <message>
        <source>must be the value of next from the previous page</source>
        <translation>harus berupa nilai next dari halaman sebelumnya</translation>
    </message>
</context>
<context>
    <name>kasir::ServerStatements</name>
    <message>
        <source>the server&apos;s database could not carry out the request (%1)</source>
        <translation>basis data server tidak dapat menjalankan permintaan (%1)</translation>
    </message>
</context>
<context>
    <name>kasir::ServerStore</name>
    <message>
        <source>expected key=value pairs such as &quot;host=localhost dbname=kasir&quot;</source>
        <translation>diharapkan pasangan kunci=nilai seperti &quot;host=localhost dbname=kasir&quot;</translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation>ada tanda kutip yang tidak ditutup</translation>
    </message>
    <message>
        <source>could not open %1: %2</source>
        <translation>tidak dapat membuka %1: %2</translation>
    </message>
    <message>
        <source>the PostgreSQL driver (QPSQL) is not installed; on Debian: apt install libqt6sql6-psql</source>
        <translation>driver PostgreSQL (QPSQL) belum terpasang; di Debian: apt install libqt6sql6-psql</translation>
    </message>
    <message>
        <source>could not connect to PostgreSQL (%1): %2</source>
        <translation>tidak dapat terhubung ke PostgreSQL (%1): %2</translation>
    </message>
    <message>
        <source>the database was made by a newer kasir-server (schema %1, this one knows %2)</source>
        <translation>basis data dibuat oleh kasir-server yang lebih baru (skema %1, versi ini mengenal %2)</translation>
    </message>
    <message>
        <source>company %1 does not exist on this server</source>
        <translation>perusahaan %1 tidak ada di server ini</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>must be at most 255 characters</source>
        <translation>paling banyak 255 karakter</translation>
    </message>
    <message>
        <source>must be a two-letter country code such as ID, KE or IN</source>
        <translation>harus kode negara dua huruf seperti ID, KE atau IN</translation>
    </message>
    <message>
        <source>must be a three-letter ISO 4217 code such as IDR, KES or INR</source>
        <translation>harus kode ISO 4217 tiga huruf seperti IDR, KES atau INR</translation>
    </message>
    <message>
        <source>must be 1 to 16 letters A-Z, digits or dashes, such as S02</source>
        <translation>harus 1 sampai 16 huruf A-Z, angka atau tanda hubung, misalnya S02</translation>
    </message>
    <message>
        <source>store %1 already exists in this company</source>
        <translation>toko %1 sudah ada di perusahaan ini</translation>
    </message>
    <message>
        <source>could not hash the password (out of memory?)</source>
        <translation>tidak dapat membuat hash sandi (memori habis?)</translation>
    </message>
    <message>
        <source>%1 is already a user of this company</source>
        <translation>%1 sudah menjadi pengguna perusahaan ini</translation>
    </message>
    <message>
        <source>store %1 does not exist on this server</source>
        <translation>toko %1 tidak ada di server ini</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>Kasir %1</translation>
    </message>
    <message>
        <source>could not find a free site id</source>
        <translation>tidak menemukan id situs yang bebas</translation>
    </message>
    <message>
        <source>terminal %1 is not registered on this server</source>
        <translation>terminal %1 tidak terdaftar di server ini</translation>
    </message>
    <message>
        <source>must be the enrolment code kasir-server printed, such as ABCDE-23456</source>
        <translation>harus kode pendaftaran yang dicetak kasir-server, misalnya ABCDE-23456</translation>
    </message>
    <message>
        <source>the enrolment code is unknown, used or expired</source>
        <translation>kode pendaftaran tidak dikenal, sudah dipakai atau kedaluwarsa</translation>
    </message>
    <message>
        <source>the terminal&apos;s company or store is missing</source>
        <translation>perusahaan atau toko terminal ini tidak ada</translation>
    </message>
    <message>
        <source>no valid device token</source>
        <translation>tidak ada token perangkat yang valid</translation>
    </message>
    <message>
        <source>the device token is unknown or revoked</source>
        <translation>token perangkat tidak dikenal atau sudah dicabut</translation>
    </message>
    <message>
        <source>the op belongs to another company than the terminal</source>
        <translation>operasi ini milik perusahaan lain, bukan perusahaan terminal</translation>
    </message>
    <message>
        <source>terminals are registered on the server, not by sync</source>
        <translation>terminal didaftarkan di server, bukan lewat sinkronisasi</translation>
    </message>
    <message>
        <source>the server does not know entity %1</source>
        <translation>server tidak mengenal entitas %1</translation>
    </message>
    <message>
        <source>every op must name the user who made it</source>
        <translation>setiap operasi harus menyebut pengguna yang membuatnya</translation>
    </message>
    <message>
        <source>user %1 is not a user of this company</source>
        <translation>%1 bukan pengguna perusahaan ini</translation>
    </message>
    <message>
        <source>user %1 was deactivated</source>
        <translation>pengguna %1 sudah dinonaktifkan</translation>
    </message>
    <message>
        <source>a %1 may not change %2 (%3)</source>
        <translation>%1 tidak boleh mengubah %2 (%3)</translation>
    </message>
    <message>
        <source>the op changes another company</source>
        <translation>operasi ini mengubah perusahaan lain</translation>
    </message>
    <message>
        <source>the op changes a row of another company</source>
        <translation>operasi ini mengubah data perusahaan lain</translation>
    </message>
    <message>
        <source>must hold at most %1 ops; send the rest in another batch</source>
        <translation>paling banyak %1 operasi; kirim sisanya dalam kiriman lain</translation>
    </message>
    <message>
        <source>op id %1 was already used for another change</source>
        <translation>id operasi %1 sudah dipakai untuk perubahan lain</translation>
    </message>
    <message>
        <source>the terminal&apos;s clock is %1 minutes ahead of the server&apos;s; correct the date and time on this computer</source>
        <translation>jam terminal %1 menit lebih cepat dari jam server; betulkan tanggal dan jam di komputer ini</translation>
    </message>
    <message>
        <source>the server could not record this change: %1</source>
        <translation>server tidak dapat mencatat perubahan ini: %1</translation>
    </message>
    <message>
        <source>user %1 does not exist on this server</source>
        <translation>pengguna %1 tidak ada di server ini</translation>
    </message>
    <message>
        <source>user %1 is deactivated</source>
        <translation>pengguna %1 dinonaktifkan</translation>
    </message>
    <message>
        <source>API key %1 does not exist on this server</source>
        <translation>kunci API %1 tidak ada di server ini</translation>
    </message>
    <message>
        <source>no valid API key</source>
        <translation>tidak ada kunci API yang valid</translation>
    </message>
    <message>
        <source>the API key is unknown or revoked</source>
        <translation>kunci API tidak dikenal atau sudah dicabut</translation>
    </message>
    <message>
        <source>the API key&apos;s user %1 is deactivated</source>
        <translation>pengguna kunci API %1 dinonaktifkan</translation>
    </message>
    <message>
        <source>could not connect to PostgreSQL again: %1</source>
        <translation>tidak dapat terhubung lagi ke PostgreSQL: %1</translation>
    </message>
</context>
<context>
    <name>kasir::SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bagian pengaturan</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Perusahaan</translation>
    </message>
    <message>
        <source>&amp;Users and roles</source>
        <translation>Pengg&amp;una dan peran</translation>
    </message>
    <message>
        <source>&amp;Membership rules</source>
        <translation>&amp;Aturan keanggotaan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Data folder</source>
        <translation>Folder &amp;data</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Perusahaan</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Nama perusahaan</translation>
    </message>
    <message>
        <source>Default phone region:</source>
        <translation>Wilayah telepon bawaan:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation>Wilayah telepon bawaan</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Mata uang:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Toko</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nama tampilan</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Masalah pada %1</translation>
    </message>
    <message>
        <source>e.g. siti</source>
        <translation>mis. siti</translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>e.g. Siti Rahayu</source>
        <translation>mis. Siti Rahayu</translation>
    </message>
    <message>
        <source>Dis&amp;play name:</source>
        <translation>Nama ta&amp;mpilan:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>Pe&amp;ran:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Repeat pa&amp;ssword:</source>
        <translation>Ulan&amp;gi kata sandi:</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Tambah pengguna</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Adding a user</source>
        <translation>Menambah pengguna</translation>
    </message>
    <message>
        <source>Only a manager or an administrator changes the membership rules.</source>
        <translation>Hanya manajer atau administrator yang dapat mengubah aturan keanggotaan.</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Levels and discounts</source>
        <translation>Level dan diskon</translation>
    </message>
    <message>
        <source>A customer&apos;s level follows their total spent; each level has its discount.</source>
        <translation>Level pelanggan mengikuti total belanjanya; setiap level punya diskonnya sendiri.</translation>
    </message>
    <message>
        <source>&amp;Bronze discount:</source>
        <translation>Disk&amp;on Perunggu:</translation>
    </message>
    <message>
        <source>&amp;Silver from:</source>
        <translation>Pe&amp;rak mulai dari:</translation>
    </message>
    <message>
        <source>Silver d&amp;iscount:</source>
        <translation>Diskon Pera&amp;k:</translation>
    </message>
    <message>
        <source>&amp;Gold from:</source>
        <translation>Ema&amp;s mulai dari:</translation>
    </message>
    <message>
        <source>G&amp;old discount:</source>
        <translation>Diskon E&amp;mas:</translation>
    </message>
    <message>
        <source>&amp;Platinum from:</source>
        <translation>Pla&amp;tinum mulai dari:</translation>
    </message>
    <message>
        <source>Pla&amp;tinum discount:</source>
        <translation>Diskon P&amp;latinum:</translation>
    </message>
    <message>
        <source>A customer can drop to a lower level</source>
        <translation>Pelanggan dapat turun ke level yang lebih rendah</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Membership and points</source>
        <translation>Keanggotaan dan poin</translation>
    </message>
    <message>
        <source>&amp;Member from:</source>
        <translation>M&amp;ember mulai dari:</translation>
    </message>
    <message>
        <source>One point per &amp;spend of:</source>
        <translation>Satu poin setiap belan&amp;ja:</translation>
    </message>
    <message>
        <source>A point is &amp;worth:</source>
        <translation>&amp;Nilai satu poin:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Points &amp;expire after:</source>
        <translation>Poin &amp;hangus setelah:</translation>
    </message>
    <message>
        <source>A walk-in customer becomes a member when their total spent reaches &quot;Member from&quot; (0: never by spending). Points expire after the days given, the oldest used first (0: never).</source>
        <translation>Pelanggan umum menjadi member saat total belanjanya mencapai &quot;Member mulai dari&quot; (0: tidak pernah lewat belanja). Poin hangus setelah jumlah hari yang ditentukan, poin terlama dipakai lebih dulu (0: tidak pernah).</translation>
    </message>
    <message>
        <source>Saving the rules</source>
        <translation>Menyimpan aturan</translation>
    </message>
    <message>
        <source>Sa&amp;ve rules</source>
        <translation>S&amp;impan aturan</translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation>Simpan aturan</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>Urun&amp;gkan perubahan</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Urungkan perubahan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Ba&amp;hasa:</translation>
    </message>
    <message>
        <source>The language Kasir speaks on this computer. Each computer keeps its own choice.</source>
        <translation>Bahasa yang dipakai Kasir di komputer ini. Setiap komputer menyimpan pilihannya sendiri.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Berkas basis data</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Berkas basis data:</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Buka f&amp;older</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Everything this computer knows is in this one file. Copy it only while Kasir is closed, together with any file beside it whose name ends in &quot;-wal&quot;.</source>
        <translation>Semua data komputer ini ada di satu berkas ini. Salin hanya saat Kasir ditutup, bersama berkas di sebelahnya yang namanya berakhiran &quot;-wal&quot;.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>does not match the password</source>
        <translation>tidak cocok dengan kata sandi</translation>
    </message>
    <message>
        <source>The user was not added.</source>
        <translation>Pengguna tidak ditambahkan.</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 kini dapat masuk sebagai %2.</translation>
    </message>
    <message>
        <source>must be an amount in %1, such as %2</source>
        <translation>harus berupa nominal dalam %1, seperti %2</translation>
    </message>
    <message>
        <source>must be a percentage such as 7.5</source>
        <translation>harus berupa persentase seperti 7,5</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked.</source>
        <translation>Tidak ada yang disimpan: perbaiki kolom yang ditandai.</translation>
    </message>
    <message numerus="yes">
        <source>Saved. %n customer(s) moved to another level or type.</source>
        <translation>
            <numerusform>Tersimpan. %n pelanggan pindah ke level atau jenis lain.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Use this language</source>
        <translation>Gunakan bahasa ini</translation>
    </message>
    <message>
        <source>Use the chosen language</source>
        <translation>Gunakan bahasa yang dipilih</translation>
    </message>
    <message>
        <source>&amp;Save name</source>
        <translation>&amp;Simpan nama</translation>
    </message>
    <message>
        <source>Save the company name</source>
        <translation>Simpan nama perusahaan</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>Saving the company name</source>
        <translation>Menyimpan nama perusahaan</translation>
    </message>
    <message>
        <source>The phone region and the currency were set when the company was created and cannot be changed: the phone numbers already stored were read in that region, and every amount is kept in that currency. Phone numbers typed without a country code are read as numbers of the default region.</source>
        <translation>Wilayah telepon dan mata uang ditetapkan saat perusahaan dibuat dan tidak dapat diubah: nomor telepon yang sudah tersimpan dibaca menurut wilayah itu, dan setiap jumlah disimpan dalam mata uang itu. Nomor telepon yang diketik tanpa kode negara dibaca sebagai nomor wilayah bawaan.</translation>
    </message>
    <message>
        <source>Only an administrator renames the company.</source>
        <translation>Hanya administrator yang dapat mengganti nama perusahaan.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Komputer ini</translation>
    </message>
    <message>
        <source>Order numbers carry the store&apos;s code, so a code never changes; its name can. Choose a store in the list to rename it.</source>
        <translation>Nomor pesanan memuat kode toko, jadi kode tidak pernah berubah; namanya bisa. Pilih toko di daftar untuk mengganti namanya.</translation>
    </message>
    <message>
        <source>Order numbers carry the store&apos;s code. Only an administrator adds or renames stores.</source>
        <translation>Nomor pesanan memuat kode toko. Hanya administrator yang dapat menambah toko atau mengganti namanya.</translation>
    </message>
    <message>
        <source>New name of the selected store</source>
        <translation>Nama baru toko yang dipilih</translation>
    </message>
    <message>
        <source>&amp;Rename store</source>
        <translation>&amp;Ganti nama toko</translation>
    </message>
    <message>
        <source>Rename the selected store</source>
        <translation>Ganti nama toko yang dipilih</translation>
    </message>
    <message>
        <source>Ne&amp;w name:</source>
        <translation>Nama &amp;baru:</translation>
    </message>
    <message>
        <source>Renaming a store</source>
        <translation>Mengganti nama toko</translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation>Tambah toko</translation>
    </message>
    <message>
        <source>e.g. S02</source>
        <translation>mis. S02</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>K&amp;ode:</translation>
    </message>
    <message>
        <source>e.g. Cabang Bandung</source>
        <translation>mis. Cabang Bandung</translation>
    </message>
    <message>
        <source>Store n&amp;ame:</source>
        <translation>N&amp;ama toko:</translation>
    </message>
    <message>
        <source>Add s&amp;tore</source>
        <translation>Tambah &amp;toko</translation>
    </message>
    <message>
        <source>Add store</source>
        <translation>Tambah toko</translation>
    </message>
    <message>
        <source>Adding a store</source>
        <translation>Menambah toko</translation>
    </message>
    <message>
        <source>Only an administrator sees, adds and changes users. You are signed in as %1 (%2).</source>
        <translation>Hanya administrator yang dapat melihat, menambah, dan mengubah pengguna. Anda masuk sebagai %1 (%2).</translation>
    </message>
    <message>
        <source>Change the selected user</source>
        <translation>Ubah pengguna yang dipilih</translation>
    </message>
    <message>
        <source>Displa&amp;y name:</source>
        <translation>Nama &amp;tampilan:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>Sim&amp;pan perubahan</translation>
    </message>
    <message>
        <source>Save the display name and role</source>
        <translation>Simpan nama tampilan dan peran</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>Nonak&amp;tifkan</translation>
    </message>
    <message>
        <source>N&amp;ew password:</source>
        <translation>Kata sandi &amp;baru:</translation>
    </message>
    <message>
        <source>Type it aga&amp;in:</source>
        <translation>Ketik &amp;lagi:</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
        <source>Set new password</source>
        <translation>Tetapkan kata sandi baru</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Tetapkan kata sandi baru</translation>
    </message>
    <message>
        <source>Changing a user</source>
        <translation>Mengubah pengguna</translation>
    </message>
    <message>
        <source>Demo customers</source>
        <translation>Pelanggan demo</translation>
    </message>
    <message>
        <source>Adds made-up customers with Indonesian, Kenyan and Indian names and phone numbers, to try Kasir out. They are real records in this file and will be synced like any other customer.</source>
        <translation>Menambahkan pelanggan rekaan dengan nama dan nomor telepon Indonesia, Kenya, dan India, untuk mencoba Kasir. Mereka tersimpan sungguhan di berkas ini dan akan disinkronkan seperti pelanggan lain.</translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation>&amp;Berapa banyak:</translation>
    </message>
    <message>
        <source>How many demo customers</source>
        <translation>Berapa banyak pelanggan demo</translation>
    </message>
    <message>
        <source>Add &amp;demo customers</source>
        <translation>Tambah pelanggan &amp;demo</translation>
    </message>
    <message>
        <source>Add demo customers</source>
        <translation>Tambah pelanggan demo</translation>
    </message>
    <message>
        <source>Adding demo customers</source>
        <translation>Menambah pelanggan demo</translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln demo customer(s)…</source>
        <translation>
            <numerusform>Menambahkan %Ln pelanggan demo…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: no demo customer was added.</source>
        <translation>Dihentikan: tidak ada pelanggan demo yang ditambahkan.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln demo customer(s) added.</source>
        <translation>
            <numerusform>%Ln pelanggan demo ditambahkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sells here</source>
        <translation>Berjualan di sini</translation>
    </message>
    <message>
        <source>The store was not added.</source>
        <translation>Toko tidak ditambahkan.</translation>
    </message>
    <message>
        <source>Added %1, %2.</source>
        <translation>Ditambahkan: %1, %2.</translation>
    </message>
    <message>
        <source>Saved: %1 is now %2.</source>
        <translation>Tersimpan: %1 sekarang bernama %2.</translation>
    </message>
    <message>
        <source>Choose a user in the list to change their name or role, to deactivate them or to give them a new password.</source>
        <translation>Pilih pengguna di daftar untuk mengubah nama atau perannya, menonaktifkannya, atau memberinya kata sandi baru.</translation>
    </message>
    <message>
        <source>Deactivate the selected user</source>
        <translation>Nonaktifkan pengguna yang dipilih</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Ubah %1</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Aktif&amp;kan lagi</translation>
    </message>
    <message>
        <source>Reactivate the selected user</source>
        <translation>Aktifkan lagi pengguna yang dipilih</translation>
    </message>
    <message>
        <source>This is you. Another administrator can change your role or deactivate you.</source>
        <translation>Ini Anda. Administrator lain dapat mengubah peran Anda atau menonaktifkan Anda.</translation>
    </message>
    <message>
        <source>%1 is deactivated and cannot sign in.</source>
        <translation>%1 dinonaktifkan dan tidak dapat masuk.</translation>
    </message>
    <message>
        <source>%1 signs in as %2.</source>
        <translation>%1 masuk sebagai %2.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 dapat masuk lagi.</translation>
    </message>
    <message>
        <source>%1 is deactivated and can no longer sign in.</source>
        <translation>%1 dinonaktifkan dan tidak dapat masuk lagi.</translation>
    </message>
    <message>
        <source>The password was not changed.</source>
        <translation>Kata sandi tidak diubah.</translation>
    </message>
    <message>
        <source>%1 signs in with the new password from now on.</source>
        <translation>Mulai sekarang %1 masuk dengan kata sandi baru.</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>Si&amp;nkron</translation>
    </message>
</context>
<context>
    <name>kasir::SetupService</name>
    <message>
        <source>this database is not set up yet; run `kasirctl init --company NAME` first</source>
        <translation>basis data ini belum disiapkan; jalankan dulu `kasirctl init --company NAMA`</translation>
    </message>
    <message>
        <source>this terminal&apos;s store is missing</source>
        <translation>toko untuk terminal ini tidak ditemukan</translation>
    </message>
    <message>
        <source>this terminal&apos;s company is missing</source>
        <translation>perusahaan untuk terminal ini tidak ditemukan</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>must be at most 255 characters</source>
        <translation>paling banyak 255 karakter</translation>
    </message>
    <message>
        <source>must be a two-letter country code such as ID, KE or IN</source>
        <translation>harus kode negara dua huruf seperti ID, KE, atau IN</translation>
    </message>
    <message>
        <source>must be a three-letter ISO 4217 code such as IDR, KES or INR</source>
        <translation>harus kode ISO 4217 tiga huruf seperti IDR, KES, atau INR</translation>
    </message>
    <message>
        <source>this database already belongs to %1</source>
        <translation>basis data ini sudah milik %1</translation>
    </message>
    <message>
        <source>Main store</source>
        <translation>Toko utama</translation>
    </message>
    <message>
        <source>Counter 1</source>
        <translation>Kasir 1</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>could not hash the password (out of memory?)</source>
        <translation>tidak dapat meng-hash kata sandi (memori habis?)</translation>
    </message>
</context>
<context>
    <name>kasir::SyncEngine</name>
    <message>
        <source>the server could not be reached (%1)</source>
        <translation>server tidak dapat dihubungi (%1)</translation>
    </message>
    <message>
        <source>the server refused the request (HTTP %1): %2</source>
        <translation>server menolak permintaan (HTTP %1): %2</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a JSON object</source>
        <translation>jawaban server bukan objek JSON</translation>
    </message>
    <message>
        <source>a sync is already running</source>
        <translation>sinkronisasi sedang berjalan</translation>
    </message>
    <message>
        <source>this terminal is already enrolled with %1</source>
        <translation>terminal ini sudah terdaftar di %1</translation>
    </message>
    <message>
        <source>this database already holds a company; enrol a terminal with a new, empty database</source>
        <translation>basis data ini sudah berisi perusahaan; daftarkan terminal dengan basis data baru yang kosong</translation>
    </message>
    <message>
        <source>must be the server&apos;s address, such as http://192.168.1.10:8787</source>
        <translation>harus alamat server, misalnya http://192.168.1.10:8787</translation>
    </message>
    <message>
        <source>the server&apos;s enrolment answer is incomplete</source>
        <translation>jawaban pendaftaran dari server tidak lengkap</translation>
    </message>
    <message>
        <source>this terminal is not enrolled with a server</source>
        <translation>terminal ini belum terdaftar di server</translation>
    </message>
    <message>
        <source>the server acknowledged none of the changes sent</source>
        <translation>server tidak menerima satu pun perubahan yang dikirim</translation>
    </message>
    <message>
        <source>the server&apos;s page has no valid cursor</source>
        <translation>halaman dari server tidak memiliki kursor yang valid</translation>
    </message>
    <message>
        <source>the program closed during the download</source>
        <translation>program ditutup saat unduhan berlangsung</translation>
    </message>
</context>
<context>
    <name>kasir::SyncLoad</name>
    <message>
        <source>the download is already being written</source>
        <translation>unduhan sudah sedang ditulis</translation>
    </message>
    <message>
        <source>the company is being downloaded from the server; this change can be made when the download ends</source>
        <translation>data perusahaan sedang diunduh dari server; perubahan ini dapat dilakukan setelah unduhan selesai</translation>
    </message>
    <message>
        <source>the download is not being written</source>
        <translation>unduhan tidak sedang ditulis</translation>
    </message>
</context>
<context>
    <name>kasir::SyncOp</name>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>harus berupa teks</translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation>paling banyak %1 karakter</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>harus berupa UUID</translation>
    </message>
    <message>
        <source>must be upsert or delete</source>
        <translation>harus upsert atau delete</translation>
    </message>
    <message>
        <source>must be an HLC stamp such as 0195d2c3a1b0-0001-0000002a</source>
        <translation>harus cap HLC seperti 0195d2c3a1b0-0001-0000002a</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>harus berupa objek</translation>
    </message>
    <message>
        <source>must name at least one field</source>
        <translation>harus menyebut paling sedikit satu kolom</translation>
    </message>
    <message>
        <source>must be a whole number of at least 0</source>
        <translation>harus bilangan bulat paling kecil 0</translation>
    </message>
</context>
<context>
    <name>kasir::SyncPanel</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <source>This terminal:</source>
        <translation>Terminal ini:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Keadaan:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Sinkron terakhir:</translation>
    </message>
    <message>
        <source>Waiting to send:</source>
        <translation>Menunggu dikirim:</translation>
    </message>
    <message>
        <source>Refused by the server:</source>
        <translation>Ditolak server:</translation>
    </message>
    <message>
        <source>Received but not applicable here:</source>
        <translation>Diterima tetapi tidak berlaku di sini:</translation>
    </message>
    <message>
        <source>Last problem:</source>
        <translation>Masalah terakhir:</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Sales and changes are always saved on this computer first, so the counter keeps working without a network. Whenever the server can be reached, this terminal sends what was done here and receives what other terminals did. A change the server refuses (for example because the user may no longer make it) stays on this terminal only and is counted above, as is a change from another terminal that cannot be applied here (such as a second refund of one sale).</source>
        <translation>Penjualan dan perubahan selalu disimpan dulu di komputer ini, jadi kasir tetap berjalan tanpa jaringan. Setiap kali server dapat dihubungi, terminal ini mengirim apa yang dikerjakan di sini dan menerima apa yang dikerjakan terminal lain. Perubahan yang ditolak server (misalnya karena pengguna tidak lagi berhak) hanya tinggal di terminal ini dan dihitung di atas, begitu pula perubahan dari terminal lain yang tidak dapat diterapkan di sini (seperti pengembalian kedua untuk satu penjualan).</translation>
    </message>
    <message>
        <source>Works on its own: no server set up</source>
        <translation>Berjalan mandiri: belum ada server</translation>
    </message>
    <message>
        <source>Connected to a server; not synced yet</source>
        <translation>Terhubung ke server; belum disinkronkan</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Mutakhir</translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached</source>
        <translation>Luring: server tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Sinkronisasi gagal</translation>
    </message>
    <message>
        <source>None. This terminal works on its own. A terminal joins a server when it is set up, with the server&apos;s address and an enrolment code (kasir-server terminal register) given at the first start, or with kasirctl sync enrol.</source>
        <translation>Tidak ada. Terminal ini berjalan mandiri. Terminal bergabung dengan server saat disiapkan, dengan alamat server dan kode pendaftaran (kasir-server terminal register) yang dimasukkan saat pertama dijalankan, atau dengan kasirctl sync enrol.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln perubahan</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
</context>
<context>
    <name>kasir::SyncStatusService</name>
    <message>
        <source>see what waits to be synced</source>
        <translation>melihat apa yang menunggu disinkronkan</translation>
    </message>
</context>
<context>
    <name>kasir::TagRepository</name>
    <message>
        <source>tag %1 does not exist</source>
        <translation>tag %1 tidak ada</translation>
    </message>
    <message>
        <source>the customer does not have this tag</source>
        <translation>pelanggan tidak memiliki tag ini</translation>
    </message>
</context>
<context>
    <name>kasir::TagService</name>
    <message>
        <source>must contain a letter, a digit or a sign</source>
        <translation>harus berisi huruf, angka, atau tanda</translation>
    </message>
    <message>
        <source>must be a colour like #1e90ff or #f80</source>
        <translation>harus berupa warna seperti #1e90ff atau #f80</translation>
    </message>
    <message>
        <source>a tag named %1 already exists</source>
        <translation>tag bernama %1 sudah ada</translation>
    </message>
    <message>
        <source>no tag named %1</source>
        <translation>tidak ada tag bernama %1</translation>
    </message>
    <message>
        <source>look up tags</source>
        <translation>mencari tag</translation>
    </message>
    <message>
        <source>create tags</source>
        <translation>membuat tag</translation>
    </message>
    <message>
        <source>rename tags</source>
        <translation>mengganti nama tag</translation>
    </message>
    <message>
        <source>change tag colours</source>
        <translation>mengubah warna tag</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>tag customers</source>
        <translation>memberi tag pada pelanggan</translation>
    </message>
    <message>
        <source>a %1 may only use existing tags; there is no tag named %2</source>
        <translation>%1 hanya boleh memakai tag yang sudah ada; tidak ada tag bernama %2</translation>
    </message>
    <message>
        <source>customer %1 does not have the tag %2</source>
        <translation>pelanggan %1 tidak memiliki tag %2</translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation>harus antara 1 dan %1</translation>
    </message>
</context>
<context>
    <name>kasir::TextRules</name>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>tidak boleh berisi karakter kontrol atau baris baru</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasir::UnitOfWork</name>
    <message>
        <source>a write is already in progress on this thread</source>
        <translation>penulisan lain sedang berjalan di thread ini</translation>
    </message>
    <message>
        <source>the database is busy or read-only: %1</source>
        <translation>basis data sedang sibuk atau hanya-baca: %1</translation>
    </message>
    <message>
        <source>write outside a unit of work</source>
        <translation>penulisan di luar unit kerja</translation>
    </message>
</context>
<context>
    <name>kasir::UserService</name>
    <message>
        <source>is required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <source>must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit</source>
        <translation>harus 1 sampai 64 huruf, angka, titik, tanda hubung, atau garis bawah, diawali huruf atau angka</translation>
    </message>
    <message numerus="yes">
        <source>must be at least %n characters</source>
        <translation>
            <numerusform>paling sedikit %n karakter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>paling banyak %n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>only an administrator can add users</source>
        <translation>hanya administrator yang dapat menambah pengguna</translation>
    </message>
    <message>
        <source>must be one of: admin, manager, cashier</source>
        <translation>harus salah satu dari: admin, manager, cashier</translation>
    </message>
    <message>
        <source>must be at most 255 characters</source>
        <translation>paling banyak 255 karakter</translation>
    </message>
    <message>
        <source>is already taken by another user</source>
        <translation>sudah dipakai pengguna lain</translation>
    </message>
    <message>
        <source>could not hash the password (out of memory?)</source>
        <translation>tidak dapat meng-hash kata sandi (memori habis?)</translation>
    </message>
    <message>
        <source>only an administrator can list users</source>
        <translation>hanya administrator yang dapat melihat daftar pengguna</translation>
    </message>
    <message>
        <source>wrong username or password</source>
        <translation>nama pengguna atau kata sandi salah</translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation>tidak boleh berisi karakter kontrol atau baris baru</translation>
    </message>
    <message>
        <source>there is no such user</source>
        <translation>pengguna itu tidak ada</translation>
    </message>
    <message>
        <source>%1 is the company&apos;s only active administrator; make another user an administrator first</source>
        <translation>%1 adalah satu-satunya administrator aktif perusahaan; jadikan pengguna lain administrator terlebih dahulu</translation>
    </message>
    <message>
        <source>change users</source>
        <translation>mengubah pengguna</translation>
    </message>
    <message>
        <source>you cannot take away your own administrator role; another administrator can</source>
        <translation>Anda tidak dapat mencabut peran administrator Anda sendiri; administrator lain dapat</translation>
    </message>
    <message>
        <source>deactivate users</source>
        <translation>menonaktifkan pengguna</translation>
    </message>
    <message>
        <source>you cannot deactivate yourself; another administrator can</source>
        <translation>Anda tidak dapat menonaktifkan diri sendiri; administrator lain dapat</translation>
    </message>
    <message>
        <source>reactivate users</source>
        <translation>mengaktifkan lagi pengguna</translation>
    </message>
    <message>
        <source>set passwords</source>
        <translation>menetapkan kata sandi</translation>
    </message>
    <message>
        <source>your account has been changed since you signed in and no longer allows this; sign in again</source>
        <translation>akun Anda telah diubah sejak Anda masuk dan tidak lagi mengizinkan ini; silakan masuk lagi</translation>
    </message>
</context>
</TS>
